package org.weightscope.catalogue;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.springframework.stereotype.Service;

/**
 * The anchors' metrics (derivatives, releases, concentration, first-year downloads, ATOM's RAM) and the
 * download-quality flags, answered in the shape of every other figure ({@link Adoption}, with its coverage) so
 * the explorer, the API, CSV and the methodology page treat them like downloads and model counts.
 * {@link AdoptionService} hands these metrics here; their definitions are in {@link Adoption.Metric}.
 */
@Service
public class AnchorMetrics {

    /** Models released this many days before a day are "new" for the RAM list. */
    public static final int RAM_RECENT_DAYS = 90;

    /**
     * @param relation derivatives only: keep this relation (finetune, adapter, quantized, merge, unknown), or null
     * @param base     derivatives and releases: keep models whose lineage root starts with this (a family, e.g.
     *                 "Qwen/Qwen2.5", or an organisation's namespace "Qwen/"), case-insensitive, or null
     */
    public record Options(Adoption.Query query, Periods period, String relation, String base) {
        public Options {
            period = period == null ? Periods.WEEK : period;
            relation = relation == null || relation.isBlank() ? null : relation;
            base = base == null || base.isBlank() ? null : base.toLowerCase(Locale.ROOT);
        }
    }

    /** The part of a downloads figure from flagged models, by flag (a model may carry several). */
    public record Flagged(
            double downloads,
            double share,
            long models,

            @com.fasterxml.jackson.annotation.JsonProperty("by_flag")
            Map<String, Double> byFlag) {}

    /** A model's flags and RAM curve against its class's cutoff ({@code reason} says why there is no curve). */
    public record ModelMetrics(
            List<String> flags,
            RelativeAdoption.Curve curve,
            NavigableMap<Integer, Long> cutoff,
            String sizeClass,
            String reason) {}

    private final AdoptionService adoption;
    private final ReleaseCatalogue catalogue;
    private final DownloadFigures downloads;

    AnchorMetrics(AdoptionService adoption, ReleaseCatalogue catalogue, DownloadFigures downloads) {
        this.adoption = adoption;
        this.catalogue = catalogue;
        this.downloads = downloads;
    }

    /** As of {@code at} (null: the newest day with captures). */
    public Adoption asOf(Options o, LocalDate at) {
        if (o.query().metric().aggregated()) {
            return adoption.asOf(o.query(), at);
        }
        LocalDate day = at != null
                ? at
                : adoption.newestDay(Adoption.Metric.DOWNLOADS_30D).orElse(null);
        if (day == null) {
            return adoption.answer(o.query(), null, null, "");
        }
        return at(o, day, catalogue.all());
    }

    /** One point per period in [from, to], each as of the period's last day. */
    public AdoptionService.Series series(Options o, LocalDate from, LocalDate to) {
        List<Release> all = catalogue.all();
        List<AdoptionService.Point> points = new ArrayList<>();
        for (LocalDate d : o.period().ends(from, to)) {
            points.add(new AdoptionService.Point(d, at(o, d, all)));
        }
        return new AdoptionService.Series(points, AdoptionService.Sample.ALL, true, 0, null);
    }

    /** Derivatives only: the period's derivatives by relation (credit summed like the figures), as of a day. */
    public Map<String, Double> relations(Options o, LocalDate day) {
        Map<String, Double> out = new TreeMap<>();
        for (Release r : catalogue.all()) {
            if (r.derivative() && inPeriod(r, o, day) && ReleaseFigures.accepts(r, o.query()) && fromBase(r, o)) {
                out.merge(r.relation(), 1.0, Double::sum);
            }
        }
        return out;
    }

    private Adoption at(Options o, LocalDate day, List<Release> all) {
        Adoption.Query q = o.query();
        return switch (q.metric()) {
            case DERIVATIVES ->
                released(
                        o,
                        day,
                        all,
                        r -> r.derivative()
                                && (o.relation() == null || o.relation().equals(r.relation())));
            case RELEASES -> released(o, day, all, r -> true);
            case RELEASES_WEIGHTED -> weighted(o, day, all);
            case CONCENTRATION -> downloads.concentration(q, day);
            case DOWNLOADS_FIRST_YEAR -> downloads.firstYear(q, day, all, undated(all, day));
            case RAM -> ram(q, day, all);
            default -> adoption.asOf(q, day);
        };
    }

    private boolean inPeriod(Release r, Options o, LocalDate day) {
        return r.released() != null
                && !r.released().isBefore(o.period().start(day))
                && !r.released().isAfter(day);
    }

    private static boolean fromBase(Release r, Options o) {
        return o.base() == null
                || r.roots().stream()
                        .anyMatch(root -> root.toLowerCase(Locale.ROOT).startsWith(o.base()));
    }

    private Adoption released(Options o, LocalDate day, List<Release> all, Predicate<Release> kind) {
        List<Release> counted = all.stream()
                .filter(r ->
                        inPeriod(r, o, day) && kind.test(r) && fromBase(r, o) && ReleaseFigures.accepts(r, o.query()))
                .toList();
        return adoption.answer(
                o.query(),
                day,
                ReleaseFigures.result(counted, o.query(), r -> 1, true),
                " Period: " + o.period().start(day) + " to " + day + "." + undated(all, day));
    }

    /** Releases of the period weighted by their 30-day downloads at release + 30 days (known only later). */
    private Adoption weighted(Options o, LocalDate day, List<Release> all) {
        int window = adoption.figureSettings().freshnessDays();
        Map<Release, Long> weights = new LinkedHashMap<>();
        long unweighed = 0;
        for (Release r : all) {
            if (!inPeriod(r, o, day) || !fromBase(r, o) || !ReleaseFigures.accepts(r, o.query())) continue;
            LocalDate at = r.released().plusDays(30);
            var capture =
                    r.captures().subMap(at.minusDays(window - 1L), true, at, true).descendingMap().values().stream()
                            .filter(c -> c.downloads30d() != null)
                            .findFirst();
            if (capture.isPresent()) weights.put(r, capture.get().downloads30d());
            else unweighed++;
        }
        return adoption.answer(
                o.query(),
                day,
                ReleaseFigures.result(weights.keySet(), o.query(), r -> weights.get(r), false),
                " Period: " + o.period().start(day) + " to " + day + "; " + unweighed
                        + " releases of the period have no capture in the window ending 30 days after release and are"
                        + " left out." + undated(all, day));
    }

    private static String undated(List<Release> all, LocalDate day) {
        long n = all.stream()
                .filter(r -> r.released() == null
                        && r.firstSeen() != null
                        && !r.firstSeen().isAfter(day))
                .count();
        return n == 0 ? "" : " Left out: " + n + " models captured by then without a release date.";
    }

    static double round4(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }

    /** The models released in the 90 days to the day whose latest RAM by then is above 1, highest first. */
    private Adoption ram(Adoption.Query q, LocalDate day, List<Release> all) {
        Map<String, RelativeAdoption.Curve> curves = RelativeAdoption.curves(all, day);
        List<Release> recent = all.stream()
                .filter(r -> curves.containsKey(r.modelId())
                        && ChronoUnit.DAYS.between(r.released(), day) < RAM_RECENT_DAYS
                        && ReleaseFigures.accepts(r, q))
                .toList();
        List<Adoption.Figure> above = recent.stream()
                .map(r -> curves.get(r.modelId()))
                .filter(c -> c.latest() != null && c.latest() > 1)
                .sorted((a, b) -> Double.compare(b.latest(), a.latest()))
                .limit(q.top())
                .map(c -> new Adoption.Figure(c.modelId(), round4(c.latest()), 0))
                .toList();
        AdoptionIndex.Result base = ReleaseFigures.result(recent, q, r -> 1, true);
        long withRam = recent.stream()
                .filter(r -> curves.get(r.modelId()).latest() != null)
                .count();
        AdoptionIndex.Result r = new AdoptionIndex.Result(
                above.size(),
                above,
                null,
                base.models(),
                0,
                base.capturedFrom(),
                base.capturedTo(),
                0,
                base.sources(),
                null,
                0,
                Set.of());
        return adoption.answer(
                q,
                day,
                r,
                " " + recent.size() + " models of a known size released in the " + RAM_RECENT_DAYS + " days to " + day
                        + ", " + withRam
                        + " of them with a RAM (their class has a cutoff on a day they were captured). A cutoff is drawn from"
                        + " the class's models captured at the same t: over a thin sample (trending lists) it is far below"
                        + " the ecosystem's 10th model and RAMs read high.");
    }

    /** A model's quality flags and RAM curve. */
    public Optional<ModelMetrics> model(String modelId) {
        List<Release> all = catalogue.all();
        Release r = all.stream()
                .filter(x -> x.modelId().equals(modelId))
                .findFirst()
                .orElse(null);
        if (r == null) return Optional.empty();
        RelativeAdoption.SizeClass size = RelativeAdoption.SizeClass.of(r.totalParameters());
        Map<String, RelativeAdoption.Curve> curves = RelativeAdoption.curves(all, null);
        RelativeAdoption.Curve curve = curves.get(modelId);
        String reason = r.released() == null
                ? "no release date"
                : size == null ? "no parameter count" : curve == null ? "no capture with a cumulative count" : null;
        NavigableMap<Integer, Long> cutoff = size == null
                ? new TreeMap<>()
                : RelativeAdoption.cutoffs(all.stream()
                                .map(RelativeAdoption::history)
                                .filter(h -> h != null && !h.cumulative().isEmpty())
                                .toList())
                        .getOrDefault(size, new TreeMap<>());
        return Optional.of(
                new ModelMetrics(DownloadQuality.flags(r), curve, cutoff, size == null ? null : size.id(), reason));
    }

    /** How much of a downloads figure comes from flagged models (null for a figure that is not of downloads). */
    public Flagged flagged(Adoption answer, Adoption.Query q) {
        return downloads.flagged(answer, q, catalogue.all());
    }
}
