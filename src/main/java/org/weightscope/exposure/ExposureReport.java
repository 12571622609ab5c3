package org.weightscope.exposure;

import java.time.Instant;
import java.util.List;
import org.weightscope.catalogue.Attribution.OriginShare;

/**
 * The enterprise exposure report. Every report cites when it was made and by which attribution rules, so a number
 * quoted from it can be traced back.
 *
 * @param generatedAt  when it was computed
 * @param ruleVersion  the attribution rule version ({@code Attributor.RULE_VERSION}) the origins come from
 * @param methodology  how the figures are computed, in plain words
 * @param format       the inventory's format
 * @param chosenOrigin ISO country whose exposure the alternatives address, or null
 * @param components   one per (merged) inventory item, in file order
 * @param problems     the parser's problems, carried so the report shows what was skipped
 */
public record ExposureReport(
        Instant generatedAt,
        String ruleVersion,
        String methodology,
        String format,
        String chosenOrigin,
        List<Component> components,
        Summary summary,
        List<Problem> problems) {

    /** Bucket of components that could not be resolved (unknown or ambiguous): reported, never dropped. */
    public static final String UNRESOLVED = "unresolved";

    public static final String FLAG_NON_COMMERCIAL = "non-commercial";
    public static final String FLAG_USE_RESTRICTIONS = "use-restrictions";
    public static final String FLAG_CHANGED_TERMS = "changed-terms";
    public static final String FLAG_UNKNOWN_LICENCE = "unknown-licence";

    public ExposureReport {
        components = List.copyOf(components);
        problems = List.copyOf(problems);
    }

    /**
     * One inventory component. Catalogue fields are null/empty unless {@code status} is resolved.
     *
     * @param status         resolved, ambiguous or unknown
     * @param candidates     "hub:id" of models that could be meant (ambiguous) or same-named suggestions (unknown)
     * @param uploaderOrigin uploader view: the uploading org's countries, credit split evenly
     * @param lineageOrigin  lineage view: credit of the lineage roots' countries (merges split evenly)
     * @param riskFlags      non-commercial, use-restrictions, changed-terms, unknown-licence
     * @param alternatives   for components exposed to the chosen origin: up to N models from other origins
     * @param notes          how it was matched and why something is missing
     */
    public record Component(
            int row,
            String reference,
            String businessUnit,
            double weight,
            String status,
            String hub,
            String modelId,
            String revision,
            List<String> candidates,
            String uploaderOrg,
            List<String> developerOrgs,
            List<String> lineageRoots,
            List<OriginShare> uploaderOrigin,
            List<OriginShare> lineageOrigin,
            String licenceId,
            String licenceClass,
            List<String> licenceChanges,
            List<String> riskFlags,
            String hardwareClass,
            List<String> sectors,
            Trend trend,
            List<Alternative> alternatives,
            List<String> notes) {

        /**
         * The component as the inventory and its resolution state it, without catalogue fields: what an unresolved
         * component shows (its licence unknown).
         */
        static Component of(InventoryItem item, Resolver.Resolution res, List<String> notes) {
            ModelRef ref = item.ref();
            return new Component(
                    item.row(),
                    item.reference(),
                    item.businessUnit(),
                    item.weight(),
                    res.status(),
                    ref.hub(),
                    ref.id(),
                    ref.revision(),
                    res.candidates(),
                    null,
                    List.of(),
                    List.of(),
                    List.of(),
                    List.of(),
                    null,
                    null,
                    List.of(),
                    List.of(FLAG_UNKNOWN_LICENCE),
                    null,
                    List.of(),
                    new Trend("unknown", null, null, null),
                    List.of(),
                    notes);
        }

        /** This component with the catalogue's fields of the model it resolved to, and what was derived from it. */
        Component with(ResolvedModel m, List<String> riskFlags, Trend trend, List<Alternative> alternatives) {
            return new Component(
                    row,
                    reference,
                    businessUnit,
                    weight,
                    status,
                    m.hub(),
                    m.id(),
                    revision,
                    candidates,
                    m.uploaderOrg(),
                    m.developerOrgs(),
                    m.lineageRoots(),
                    m.uploaderShares(),
                    m.lineageOrigin(),
                    m.licence().id(),
                    m.licence().effectiveClass(),
                    m.licenceChanges(),
                    riskFlags,
                    m.hardwareClass(),
                    m.sectors(),
                    trend,
                    alternatives,
                    notes);
        }

        public boolean resolved() {
            return Resolver.RESOLVED.equals(status);
        }
    }

    /**
     * Adoption trend from the 30-day download counts.
     *
     * @param direction rising, falling, stable or unknown
     * @param change    relative change (0.25 = +25 %), null when it cannot be computed
     */
    public record Trend(String direction, Long downloads30d, Long downloads30dMonthAgo, Double change) {}

    /** A most-downloaded model of another origin with the same hardware class and a shared sector. */
    public record Alternative(
            String hub,
            String id,
            List<String> lineageCountries,
            String licenceId,
            String licenceClass,
            Long downloads30d) {}

    /**
     * @param components      number of (merged) components
     * @param totalWeight     sum of usage weights
     * @param byUploaderOrigin exposure per country, uploader view, plus {@link #UNRESOLVED}
     * @param byLineageOrigin  exposure per country, lineage view, plus {@link #UNRESOLVED}
     * @param developerOrgs    concentration over developer organisations
     * @param lineageCountries concentration over lineage countries
     * @param uploaderCountries concentration over uploader countries
     * @param licenceRisks     per flag: how many components and how much weight carry it
     */
    public record Summary(
            int components,
            int resolved,
            int ambiguous,
            int unknown,
            double totalWeight,
            List<OriginExposure> byUploaderOrigin,
            List<OriginExposure> byLineageOrigin,
            Concentration developerOrgs,
            Concentration lineageCountries,
            Concentration uploaderCountries,
            List<RiskCount> licenceRisks) {}

    /**
     * @param components  fractional count: a component credits each origin its share (a 2-root merge gives 0.5 each)
     * @param weight      usage weight × share
     * @param weightShare {@code weight} / total weight (0 if the total is 0)
     */
    public record OriginExposure(String origin, double components, double weight, double weightShare) {}

    /**
     * Herfindahl–Hirschman index over weighted shares: HHI = Σ share² × 10,000, where share = a bucket's usage
     * weight / the attributed weight. 10,000 = everything from one bucket; 1/n × 10,000 = n equal buckets.
     * Unresolved components and "unattributed" credit are left out (they are not one supplier), and
     * {@code coverage} says which fraction of the total weight the index covers.
     *
     * @param hhi    null when no weight is attributed
     * @param slices the buckets, largest first, with share of the attributed weight
     */
    public record Concentration(Double hhi, double coverage, List<Slice> slices) {}

    public record Slice(String key, double weight, double share) {}

    public record RiskCount(String flag, int components, double weight, double weightShare) {}
}
