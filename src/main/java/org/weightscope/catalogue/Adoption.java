package org.weightscope.catalogue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
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
            return EnumIds.id(this);
        }

        public static View of(String id) {
            return EnumIds.of(values(), id, "origin view");
        }
    }

    public enum Metric {
        DOWNLOADS_30D(
                "2",
                "Sum of the hubs' 30-day rolling download counts (Hugging Face's downloads field), each model counted"
                        + " at its newest capture within the freshness window ending at the as-of day, never an older"
                        + " one; a model seen removed by a complete crawl stops counting from that day. A model credited"
                        + " to several countries (a joint organisation, a merge of several roots) splits its downloads"
                        + " evenly between them."),
        MODELS(
                "2",
                "Number of models with a capture within the freshness window ending at the as-of day"
                        + " (fractional where a model is credited to several countries)."),
        DERIVATIVES(
                "1",
                "New derivative models released in the period (the 7 days, or the calendar month, ending at the as-of"
                        + " day; release = the hub's createdAt): models that declare a base model (Hugging Face's"
                        + " base_model:finetune:/adapter:/quantized:/merge: tags or the card's base_model). Lineage view:"
                        + " counted by the origin of their base's lineage root; uploader view: by the origin of the"
                        + " derivative's uploader. Relation: merge if any parent is merged, else the first parent's"
                        + " (finetune, adapter, quantized; unknown when only the card names the base). Counts, and"
                        + " shares of the period's derivatives; models without a release date are left out."),
        RELEASES(
                "1",
                "New models released in the period (the 7 days ending at the as-of day; release = the hub's"
                        + " createdAt), by origin in the chosen view; models without a release date are left out."),
        RELEASES_WEIGHTED(
                "1",
                "New models released in the period, each weighted by its 30-day downloads 30 days after its release"
                        + " (its newest capture within the freshness window ending at release + 30 days, which then"
                        + " counts every download since release); releases without such a capture are left out of the"
                        + " weighted figure and counted in the coverage note."),
        CONCENTRATION(
                "1",
                "Concentration of 30-day downloads (downloads-30d v2, as of the day) over the keys of the chosen"
                        + " dimension: by=organisation over developer organisations (lineage view) or uploader"
                        + " organisations, by=origin over countries. hhi = sum of squared shares (0-1; 1 = one key holds"
                        + " everything); gini = Gini coefficient of the keys' downloads (0 = equal, towards 1 = unequal);"
                        + " keys = how many keys hold downloads. Unattributed downloads are left out (their owners are"
                        + " unknown, so they cannot be one key)."),
        DOWNLOADS_FIRST_YEAR(
                "1",
                "30-day downloads counted only while a model is in its first 12 months after release (as-of day no"
                        + " later than release + 365 days), as Economies of Open Intelligence's one_year_rolling caps"
                        + " old models; otherwise as downloads-30d v2. Models without a release date are left out."),
        RAM(
                "1",
                "ATOM's Relative Adoption Metric v2: a model's cumulative downloads at day t after release divided"
                        + " by the cumulative downloads of the 10th most downloaded model of its size class at the same t"
                        + " (the cutoff is kept monotonic: never below its value at an earlier t). Cumulative downloads"
                        + " are the hub's all-time count where captured, else the 30-day count while t <= 29 (every"
                        + " download since release is still inside the window); nothing else is used and days before a"
                        + " model's first capture are missing, never interpolated. A model first captured after its"
                        + " release day is marked partial. Size classes by total parameters: <1B, 1-9B, 10-99B, 100B+."
                        + " As of a day: the models released in the 90 days before it whose latest RAM is above 1.");

        /** Metrics of snapshots' 30-day downloads (the rest count models or derive from other figures). */
        public boolean downloads() {
            return this == DOWNLOADS_30D || this == DOWNLOADS_FIRST_YEAR || this == CONCENTRATION;
        }

        /** Metrics the adoption cube and the plain snapshot aggregation answer. */
        public boolean aggregated() {
            return this == DOWNLOADS_30D || this == MODELS;
        }

        /** Definitions of earlier versions, so a citation of an older version can still be looked up. */
        public static final java.util.Map<String, String> EARLIER = java.util.Map.of(
                "downloads-30d v1",
                        "Sum of Hugging Face 30-day rolling download counts as reported by the hub at the"
                                + " as-of time, over each model's newest capture whatever its date (superseded 2026-12-01:"
                                + " it mixed captures years apart under one date).",
                "models v1",
                        "Number of models (fractional where a model is credited to several countries), over"
                                + " every model ever captured (superseded 2026-12-01).");

        private final String version;
        private final String definition;

        Metric(String version, String definition) {
            this.version = version;
            this.definition = definition;
        }

        public String id() {
            return EnumIds.id(this);
        }

        public String version() {
            return version;
        }

        public String definition() {
            return definition;
        }

        public static Metric of(String id) {
            return EnumIds.of(values(), id, "metric");
        }
    }

    /** What figures are broken down by; ids are stable (API, files, URLs). */
    public enum Dimension {
        ORIGIN,
        ORGANISATION,
        SECTOR,
        HARDWARE_CLASS,
        LICENCE_CLASS,
        HUB;

        public String id() {
            return EnumIds.id(this);
        }

        public static Dimension of(String id) {
            return EnumIds.of(values(), id, "dimension");
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
