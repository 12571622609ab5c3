package org.weightscope.catalogue;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * ATOM's Relative Adoption Metric, v2 (Brand &amp; Lambert, 2026): a model's cumulative downloads at day t after
 * its release over those of the 10th most downloaded model of its size class at the same t, the cutoff kept
 * monotonic (never below its value at an earlier t). Only days with a capture count; nothing is interpolated.
 */
public final class RelativeAdoption {

    /** The rank whose cumulative downloads are the cutoff. */
    static final int RANK = 10;
    /** The 30-day count equals the cumulative count while every day since release is inside the window. */
    static final int WINDOW_DAYS = 30;

    private RelativeAdoption() {}

    /**
     * Size classes by total parameters, one per decade: ATOM names 1–9B and 100B+; the decade bins between and
     * below them make the set exhaustive, so every model with a known parameter count has exactly one class and
     * models compete only with models within a factor of ten of their size.
     */
    public enum SizeClass {
        UNDER_1B("<1B", 1_000_000_000L),
        B1_9("1-9B", 10_000_000_000L),
        B10_99("10-99B", 100_000_000_000L),
        B100_PLUS("100B+", Long.MAX_VALUE);

        private final String id;
        /** The class holds counts from the class before's bound (0 for the first) up to, not including, this one. */
        private final long below;

        SizeClass(String id, long below) {
            this.id = id;
            this.below = below;
        }

        public String id() {
            return id;
        }

        /** The class of a parameter count, or null when it is unknown. */
        public static SizeClass of(Long parameters) {
            if (parameters == null || parameters <= 0) return null;
            for (SizeClass c : values()) {
                if (parameters < c.below) return c; // the classes are contiguous from 0, in order
            }
            return null;
        }
    }

    /**
     * A model's day-aligned cumulative downloads.
     *
     * @param cumulative days since release → cumulative downloads, only on days with a capture
     * @param partial    first captured after its release day (earlier days are missing)
     */
    public record History(
            String modelId,
            SizeClass sizeClass,
            LocalDate released,
            boolean partial,
            NavigableMap<Integer, Long> cumulative) {}

    /** One day t of a model's curve; {@code cutoff} or {@code ram} is null where the class has no cutoff that day. */
    public record Point(int t, LocalDate day, long downloads, Long cutoff, Double ram) {}

    /** A model's curve against its class's cutoff. */
    public record Curve(String modelId, String sizeClass, LocalDate released, boolean partial, List<Point> points) {
        /** The RAM at the latest day that has one, or null. */
        public Double latest() {
            for (int i = points.size() - 1; i >= 0; i--) {
                if (points.get(i).ram() != null) return points.get(i).ram();
            }
            return null;
        }
    }

    /** A model's history from its captures: the all-time count where captured, else the 30-day count for t < 30. */
    static History history(Release r) {
        SizeClass size = SizeClass.of(r.totalParameters());
        if (r.released() == null || size == null) return null;
        NavigableMap<Integer, Long> cumulative = new TreeMap<>();
        r.captures().forEach((day, c) -> {
            long t = ChronoUnit.DAYS.between(r.released(), day);
            if (t < 0) return;
            if (c.downloadsAllTime() != null) cumulative.put((int) t, c.downloadsAllTime());
            else if (t < WINDOW_DAYS && c.downloads30d() != null) cumulative.put((int) t, c.downloads30d());
        });
        boolean partial = r.firstSeen() == null || r.firstSeen().isAfter(r.released());
        return new History(r.modelId(), size, r.released(), partial, cumulative);
    }

    /**
     * The cutoff of each size class by day: the {@value #RANK}th largest cumulative count among the class's models
     * with a capture at t, raised to the largest cutoff of any earlier day; days with fewer models have none.
     */
    static Map<SizeClass, NavigableMap<Integer, Long>> cutoffs(Collection<History> histories) {
        Map<SizeClass, TreeMap<Integer, List<Long>>> byDay = new HashMap<>();
        for (History h : histories) {
            h.cumulative()
                    .forEach((t, v) -> byDay.computeIfAbsent(h.sizeClass(), c -> new TreeMap<>())
                            .computeIfAbsent(t, x -> new ArrayList<>())
                            .add(v));
        }
        Map<SizeClass, NavigableMap<Integer, Long>> out = new HashMap<>();
        byDay.forEach((size, days) -> {
            NavigableMap<Integer, Long> cut = new TreeMap<>();
            long floor = 0;
            for (Map.Entry<Integer, List<Long>> e : days.entrySet()) {
                if (e.getValue().size() < RANK) continue;
                List<Long> sorted = new ArrayList<>(e.getValue());
                sorted.sort(Comparator.reverseOrder());
                floor = Math.max(floor, sorted.get(RANK - 1));
                cut.put(e.getKey(), floor);
            }
            out.put(size, cut);
        });
        return out;
    }

    /** A model's curve: its cumulative downloads on each captured day, the cutoff that day and their ratio. */
    static Curve curve(History h, NavigableMap<Integer, Long> cutoff) {
        List<Point> points = new ArrayList<>();
        h.cumulative().forEach((t, v) -> {
            Long c = cutoff == null ? null : cutoff.get(t);
            points.add(new Point(t, h.released().plusDays(t), v, c, c == null || c == 0 ? null : v / (double) c));
        });
        return new Curve(h.modelId(), h.sizeClass().id(), h.released(), h.partial(), points);
    }

    /** The curves of every model with a history, against cutoffs computed over all of them, up to {@code day}. */
    static Map<String, Curve> curves(Collection<Release> releases, LocalDate day) {
        List<History> histories = new ArrayList<>();
        for (Release r : releases) {
            History h = history(r);
            if (h == null) continue;
            NavigableMap<Integer, Long> upTo = day == null
                    ? h.cumulative()
                    : h.cumulative().headMap((int) ChronoUnit.DAYS.between(h.released(), day), true);
            if (!upTo.isEmpty())
                histories.add(new History(h.modelId(), h.sizeClass(), h.released(), h.partial(), upTo));
        }
        Map<SizeClass, NavigableMap<Integer, Long>> cut = cutoffs(histories);
        Map<String, Curve> out = new HashMap<>();
        histories.forEach(h -> out.put(h.modelId(), curve(h, cut.get(h.sizeClass()))));
        return out;
    }
}
