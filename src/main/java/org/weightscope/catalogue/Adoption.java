package org.weightscope.catalogue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The answer to "share of a metric by a dimension, in an origin view, as of a day": every figure carries the day
 * it stands for, what it was computed over ({@link Coverage}), the metric's definition and version, and the
 * attribution rule it was computed with.
 *
 * @param at       the day the figures stand for: each model's newest capture in the freshness window ending then
 * @param asOf     the newest capture time counted (null when nothing is)
 * @param total    the metric summed over every key (the denominator of the shares)
 */
public record Adoption(
        String metric,
        String metricVersion,
        String by,
        String view,
        LocalDate at,
        Instant asOf,
        double total,
        List<Figure> figures,
        Coverage coverage,
        String definition,
        String ruleVersion) {

    /** One key's value and its share of the total (0–1). */
    public record Figure(String key, double value, double share) {}

    /** The origin views: the account that uploaded a repo, or the developer of its lineage's root(s). */
    public enum View {
        UPLOADER,
        LINEAGE;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static View of(String id) {
            return Arrays.stream(values())
                    .filter(v -> v.id().equals(id))
                    .findFirst()
                    .orElseThrow(() ->
                            new IllegalArgumentException("unknown origin view '" + id + "' (use uploader or lineage)"));
        }
    }

    public enum Metric {
        DOWNLOADS_30D(
                "downloads-30d",
                "2",
                "Sum of the hubs' 30-day rolling download counts (Hugging Face's downloads field), each model counted"
                        + " at its newest capture within the freshness window ending at the as-of day, never an older"
                        + " one; a model seen removed by a complete crawl stops counting from that day. A model credited"
                        + " to several countries (a joint organisation, a merge of several roots) splits its downloads"
                        + " evenly between them."),
        MODELS(
                "models",
                "2",
                "Number of models with a capture within the freshness window ending at the as-of day"
                        + " (fractional where a model is credited to several countries).");

        /** Definitions of earlier versions, so a citation of an older version can still be looked up. */
        public static final java.util.Map<String, String> EARLIER = java.util.Map.of(
                "downloads-30d v1",
                        "Sum of Hugging Face 30-day rolling download counts as reported by the hub at the"
                                + " as-of time, over each model's newest capture whatever its date (superseded 2026-12-01:"
                                + " it mixed captures years apart under one date).",
                "models v1",
                        "Number of models (fractional where a model is credited to several countries), over"
                                + " every model ever captured (superseded 2026-12-01).");

        private final String id;
        private final String version;
        private final String definition;

        Metric(String id, String version, String definition) {
            this.id = id;
            this.version = version;
            this.definition = definition;
        }

        public String id() {
            return id;
        }

        public String version() {
            return version;
        }

        public String definition() {
            return definition;
        }

        public static Metric of(String id) {
            return Arrays.stream(values())
                    .filter(m -> m.id.equals(id))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown metric '" + id + "' (use "
                            + String.join(
                                    ", ",
                                    Arrays.stream(values()).map(Metric::id).toList()) + ")"));
        }
    }

    /** What figures are broken down by; ids are stable (API, files, URLs). */
    public enum Dimension {
        ORIGIN("origin"),
        ORGANISATION("organisation"),
        SECTOR("sector"),
        HARDWARE_CLASS("hardware-class"),
        LICENCE_CLASS("licence-class"),
        HUB("hub");

        private final String id;

        Dimension(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }

        public static Dimension of(String id) {
            return Arrays.stream(values())
                    .filter(d -> d.id.equals(id))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown dimension '" + id + "' (use "
                            + String.join(
                                    ", ",
                                    Arrays.stream(values()).map(Dimension::id).toList()) + ")"));
        }
    }

    /**
     * @param filters dimension → accepted keys (origin filters apply in the query's view)
     * @param top     at most this many keys (the rest are summed into the total only)
     */
    public record Query(Metric metric, Dimension by, View view, Map<Dimension, List<String>> filters, int top) {

        public Query {
            filters = filters == null ? Map.of() : Map.copyOf(filters);
            if (top <= 0 || top > 1000) {
                throw new IllegalArgumentException("top must be between 1 and 1000");
            }
        }

        public static Query of(Metric metric, Dimension by, View view) {
            return new Query(metric, by, view, Map.of(), 50);
        }
    }
}
