package org.weightscope.catalogue;

import java.time.LocalDate;
import java.util.List;

/**
 * What a figure "as of D" is computed over: the models counted, the capture days they come from and the kind
 * of captures, the known models left out because their newest capture is older than the freshness window, and
 * the warnings a reader must see (a thin sample, a total dominated by one model).
 *
 * @param models         models counted (each with its newest capture in the window)
 * @param downloads      their 30-day downloads, each model counted once (whatever the credit split)
 * @param capturedFrom   oldest capture day counted (null when nothing is)
 * @param capturedTo     newest capture day counted
 * @param freshnessDays  the window's length in days, ending at D
 * @param leftOutStale   models known before D whose newest capture is older than the window
 * @param captureKinds   what the captures were: {@link CaptureKind} ids, most models first
 * @param minModels      the thin-sample minimum in force
 * @param thin           fewer models than {@code minModels}
 * @param topModel       the model with the largest value (downloads), null for counts
 * @param topShare       its share of the total (0–1)
 * @param dominated      {@code topShare} above the configured dominant share
 */
public record Coverage(
        long models,
        long downloads,
        LocalDate capturedFrom,
        LocalDate capturedTo,
        int freshnessDays,
        long leftOutStale,
        List<String> captureKinds,
        int minModels,
        boolean thin,
        String topModel,
        double topShare,
        boolean dominated) {

    public Coverage {
        captureKinds = captureKinds == null ? List.of() : List.copyOf(captureKinds);
    }

    public static Coverage none(int freshnessDays, long leftOutStale, int minModels) {
        return new Coverage(0, 0, null, null, freshnessDays, leftOutStale, List.of(), minModels, true, null, 0, false);
    }

    public boolean empty() {
        return models == 0;
    }

    /** In words, e.g. "16 models captured 2026-08-17 to 2026-08-22, trending-list". */
    public String describe() {
        if (models == 0) {
            return "no capture in the " + freshnessDays + " days to the as-of day"
                    + (leftOutStale > 0 ? "; " + leftOutStale + " models left out with older captures" : "");
        }
        String span = capturedFrom.equals(capturedTo) ? "on " + capturedFrom : capturedFrom + " to " + capturedTo;
        return models + (models == 1 ? " model" : " models") + " captured " + span + ", "
                + String.join(" + ", captureKinds)
                + (leftOutStale > 0 ? "; " + leftOutStale + " with older captures left out" : "");
    }

    /** What a reader must be told before quoting the figure (English; the views translate the same facts). */
    public List<String> warnings() {
        List<String> out = new java.util.ArrayList<>();
        if (models == 0) {
            out.add("no data: no capture in the freshness window");
            return out;
        }
        if (thin) {
            out.add("thin sample: " + models + " models (fewer than " + minModels + ")");
        }
        if (dominated) {
            out.add("dominated by one model: " + topModel + " holds " + Math.round(100 * topShare) + " % of the total");
        }
        return out;
    }
}
