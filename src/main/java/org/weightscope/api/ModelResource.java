package org.weightscope.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.weightscope.catalogue.Attribution;
import org.weightscope.catalogue.CatalogueModel;

/**
 * One model as the API shows it: the hub's figures and Weightscope's attribution, in stable ids. Built from
 * the catalogue document field by field, so store-internal fields (card text, crawl source) never leak.
 *
 * @param id           the hub's repo id, e.g. {@code meta-llama/Llama-3.3-70B-Instruct}
 * @param namespace    the account owning the repo on the hub
 * @param organisation registry id of that account's organisation, or null when the registry does not know it
 * <p>No rule version per model: the response cites the rules loaded, with their fingerprint, as the adoption figures
 * do. The stored attribution was computed under them: a store attributed under others is re-attributed at start
 * ({@code StaleAttribution}), and a registry edit by the admin action.
 */
record ModelResource(
        String id,
        String hub,
        String href,
        String namespace,
        String organisation,
        List<String> developerOrganisations,
        Origin origin,
        Lineage lineage,
        Licence licence,
        Hardware hardware,
        List<String> sectors,
        String pipelineTag,
        Long downloads30d,
        Long downloadsAllTime,
        Long likes,
        boolean recorded,
        @JsonProperty("as_of") String asOf) {

    /** ISO 3166-1 alpha-2 codes or {@code unattributed}, per origin view. */
    record Origin(List<String> uploader, List<String> lineage, List<CountryShare> lineageShares) {}

    record CountryShare(String country, double share) {}

    /**
     * @param basis        declared, self, inferred (traced by name) or unattributed
     * @param inferredFrom the model matched by name when inferred, else null
     */
    record Lineage(List<Parent> parents, List<String> roots, List<String> issues, String basis, String inferredFrom) {
        Lineage(List<Parent> parents, List<String> roots, List<String> issues) {
            this(parents, roots, issues, null, null);
        }
    }

    /** @param relation finetune, adapter, quantized, merge or unknown */
    record Parent(String id, String relation) {}

    /**
     * @param clazz          the model's own licence class: permissive, copyleft, open-weights-restricted,
     *                       non-commercial or unknown
     * @param effectiveClass the most restrictive class along the lineage (what licence-class figures count)
     * @param effectiveVia   the ancestor whose terms bind, or null
     * @param osi            whether the licence is OSI-approved
     */
    record Licence(
            String id,
            @JsonProperty("class") String clazz,
            String source,
            String effectiveClass,
            String effectiveVia,
            boolean osi,
            List<String> excludedTerritories) {}

    /** @param clazz edge, consumer-gpu, datacenter-gpu, multi-gpu, cluster or unknown */
    record Hardware(
            @JsonProperty("class") String clazz,
            Long weightsBytes,
            boolean estimated,
            String basis,
            Long totalParameters,
            Long activeParameters,
            String quantisation,
            Double bitsPerWeight,
            List<String> flags) {}

    static final List<String> CSV_HEADER = List.of(
            "id",
            "hub",
            "organisation",
            "origin_uploader",
            "origin_lineage",
            "parents",
            "roots",
            "licence_id",
            "licence_class",
            "hardware_class",
            "weights_bytes",
            "hardware_estimated",
            "sectors",
            "downloads_30d",
            "downloads_all_time",
            "as_of");

    List<Object> csvRow() {
        return List.of(
                nz(id),
                nz(hub),
                nz(organisation),
                origin.uploader(),
                origin.lineage(),
                lineage.parents().stream().map(Parent::id).toList(),
                lineage.roots(),
                nz(licence.id()),
                nz(licence.clazz()),
                nz(hardware.clazz()),
                nz(hardware.weightsBytes()),
                hardware.estimated(),
                sectors,
                nz(downloads30d),
                nz(downloadsAllTime),
                nz(asOf));
    }

    private static Object nz(Object o) {
        return o == null ? "" : o;
    }

    static ModelResource of(CatalogueModel m) {
        Attribution a = m.attribution();
        String hub = m.hub();
        String asOf = m.asOf() == null ? null : m.asOf().toString();
        // not attributed yet: say so rather than invent classes
        Origin origin = a == null
                ? new Origin(List.of(Attribution.UNATTRIBUTED), List.of(Attribution.UNATTRIBUTED), List.of())
                : origin(a);
        Attribution.Lineage l = a == null ? null : a.lineage();
        Lineage lineage = l == null
                ? new Lineage(List.of(), List.of(), List.of())
                : new Lineage(
                        l.parents().stream()
                                .map(p -> new Parent(p.repoId(), p.relation()))
                                .toList(),
                        l.roots(),
                        l.issues(),
                        l.basis(),
                        l.inferredFrom());
        Attribution.Licence lic = a == null || a.licence() == null ? Attribution.Licence.UNKNOWN : a.licence();
        Licence licence = new Licence(
                lic.id(),
                lic.clazz(),
                lic.source(),
                lic.effectiveClass(),
                lic.effectiveVia(),
                lic.osi(),
                lic.excludedTerritories());
        Attribution.Hardware hw = a == null || a.hardware() == null ? Attribution.Hardware.UNKNOWN : a.hardware();
        Hardware hardware = new Hardware(
                hw.clazz(),
                hw.weightsBytes(),
                hw.estimated(),
                hw.basis(),
                hw.totalParameters(),
                hw.activeParameters(),
                hw.quantisation(),
                hw.bitsPerWeight(),
                hw.flags());
        return new ModelResource(
                m.repoId(),
                hub,
                href(hub, m.repoId()),
                m.author(),
                a == null ? null : a.uploaderOrg(),
                a == null ? List.of() : a.developerOrgs(),
                origin,
                lineage,
                licence,
                hardware,
                a == null ? List.of() : a.sectors(),
                m.pipelineTag(),
                m.figures().downloads30d(),
                m.figures().downloadsAllTime(),
                m.figures().likes(),
                m.recorded(),
                asOf);
    }

    private static Origin origin(Attribution a) {
        List<String> uploader = a.uploaderOrigin().isEmpty() ? List.of(Attribution.UNATTRIBUTED) : a.uploaderOrigin();
        List<String> lineageCountries =
                a.lineageOrigin().isEmpty() ? List.of(Attribution.UNATTRIBUTED) : a.lineageCountries();
        List<CountryShare> shares = a.lineageOrigin().isEmpty()
                ? List.of(new CountryShare(Attribution.UNATTRIBUTED, 1.0))
                : a.lineageOrigin().stream()
                        .map(s -> new CountryShare(s.country(), s.share()))
                        .toList();
        return new Origin(uploader, lineageCountries, shares);
    }

    private static String href(String hub, String repoId) {
        return ApiController.BASE + "/models/" + hub + "/" + repoId;
    }
}
