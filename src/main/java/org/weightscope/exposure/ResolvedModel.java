package org.weightscope.exposure;

import java.util.ArrayList;
import java.util.List;
import org.weightscope.catalogue.Attribution;
import org.weightscope.catalogue.Attribution.Licence;
import org.weightscope.catalogue.Attribution.OriginShare;

/**
 * A catalogue model as the exposure report needs it: its attribution flattened, plus the signals that only the
 * catalogue's history knows (licence changes, downloads a month ago).
 *
 * @param hub                   huggingface, openrouter, ollama or modelscope
 * @param id                    repo id as the catalogue spells it
 * @param uploaderOrg           registry id of the org owning the namespace, or null
 * @param developerOrgs         registry ids of the lineage roots' orgs
 * @param lineageRoots          repo ids of the lineage roots
 * @param uploaderOrigin        countries of the uploader org, or ["unattributed"]
 * @param lineageOrigin         credit per country of the lineage roots; shares sum to 1
 * @param licence               licence id, openness class and where it was read
 * @param hardwareClass         edge, consumer-gpu, datacenter-gpu, multi-gpu, cluster or unknown
 * @param sectors               sector ids
 * @param downloads30d          latest 30-day downloads, or null
 * @param licenceChanges        human-readable licence changes the catalogue has seen (e.g. "qwen → apache-2.0 (2025-04)")
 * @param downloads30dMonthAgo  30-day downloads about a month before {@code downloads30d}, or null if not tracked
 */
public record ResolvedModel(
        String hub,
        String id,
        String uploaderOrg,
        List<String> developerOrgs,
        List<String> lineageRoots,
        List<String> uploaderOrigin,
        List<OriginShare> lineageOrigin,
        Licence licence,
        String hardwareClass,
        List<String> sectors,
        Long downloads30d,
        List<String> licenceChanges,
        Long downloads30dMonthAgo) {

    public ResolvedModel {
        developerOrgs = developerOrgs == null ? List.of() : List.copyOf(developerOrgs);
        lineageRoots = lineageRoots == null ? List.of() : List.copyOf(lineageRoots);
        uploaderOrigin = uploaderOrigin == null || uploaderOrigin.isEmpty()
                ? List.of(Attribution.UNATTRIBUTED)
                : List.copyOf(uploaderOrigin);
        lineageOrigin = lineageOrigin == null || lineageOrigin.isEmpty()
                ? List.of(new OriginShare(Attribution.UNATTRIBUTED, 1.0))
                : List.copyOf(lineageOrigin);
        if (licence == null) licence = new Licence("unknown", "unknown", "none");
        if (hardwareClass == null) hardwareClass = "unknown";
        sectors = sectors == null ? List.of() : List.copyOf(sectors);
        licenceChanges = licenceChanges == null ? List.of() : List.copyOf(licenceChanges);
    }

    /** From an {@link Attribution}; no licence history and no trend until the catalogue supplies them. */
    public static ResolvedModel of(String hub, String id, Attribution a, Long downloads30d) {
        return new ResolvedModel(
                hub,
                id,
                a.uploaderOrg(),
                a.developerOrgs(),
                a.lineage().roots(),
                a.uploaderOrigin(),
                a.lineageOrigin(),
                a.licence(),
                a.hardware() == null ? null : a.hardware().clazz(),
                a.sectors(),
                downloads30d,
                List.of(),
                null);
    }

    /** With what only the catalogue's history knows: the licence changes seen and the downloads a month ago. */
    public ResolvedModel withHistory(List<String> changes, Long monthAgo) {
        return new ResolvedModel(
                hub,
                id,
                uploaderOrg,
                developerOrgs,
                lineageRoots,
                uploaderOrigin,
                lineageOrigin,
                licence,
                hardwareClass,
                sectors,
                downloads30d,
                changes,
                monthAgo);
    }

    /** "hub:id", the form used for candidates and alternatives in reports. */
    public String key() {
        return hub + ":" + id;
    }

    /** Lineage credit of {@code country} (0 if none). */
    public double lineageShare(String country) {
        double s = 0;
        for (OriginShare o : lineageOrigin) if (o.country().equalsIgnoreCase(country)) s += o.share();
        return s;
    }

    /** Uploader view as shares: the uploader org's countries split evenly (a joint org gets 1/n each). */
    public List<OriginShare> uploaderShares() {
        List<OriginShare> out = new ArrayList<>(uploaderOrigin.size());
        for (String c : uploaderOrigin) out.add(new OriginShare(c, 1.0 / uploaderOrigin.size()));
        return out;
    }
}
