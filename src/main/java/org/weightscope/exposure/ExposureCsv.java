package org.weightscope.exposure;

import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Collectors;
import org.weightscope.catalogue.Attribution.OriginShare;
import org.weightscope.exposure.ExposureReport.Alternative;
import org.weightscope.exposure.ExposureReport.Component;
import org.weightscope.shared.CitationLine;
import org.weightscope.shared.CsvWriter;

/** CSV export of a report: the shared writer (citation line, header, neutralised cells), one row per component. */
final class ExposureCsv {

    static final List<String> HEADER = List.of(
            "row",
            "reference",
            "business_unit",
            "weight",
            "status",
            "hub",
            "model_id",
            "revision",
            "candidates",
            "uploader_org",
            "uploader_origin",
            "developer_orgs",
            "lineage_roots",
            "lineage_origin",
            "licence_id",
            "licence_class",
            "licence_changes",
            "risk_flags",
            "hardware_class",
            "sectors",
            "downloads_30d",
            "trend",
            "alternatives",
            "notes");

    private ExposureCsv() {}

    static String write(ExposureReport r) {
        // The first line is the citation, so a forwarded file still says where its numbers come from.
        CitationLine citation = new CitationLine(
                "exposure report",
                r.generatedAt().truncatedTo(ChronoUnit.SECONDS).toString(),
                null,
                null,
                null,
                null,
                null,
                r.ruleVersion());
        CsvWriter csv = new CsvWriter(citation.text(), HEADER);
        for (Component c : r.components()) {
            csv.row(List.of(
                    String.valueOf(c.row()),
                    text(c.reference()),
                    text(c.businessUnit()),
                    Numbers.format(c.weight()),
                    c.status(),
                    text(c.hub()),
                    text(c.modelId()),
                    text(c.revision()),
                    join(c.candidates()),
                    text(c.uploaderOrg()),
                    shares(c.uploaderOrigin()),
                    join(c.developerOrgs()),
                    join(c.lineageRoots()),
                    shares(c.lineageOrigin()),
                    text(c.licenceId()),
                    text(c.licenceClass()),
                    join(c.licenceChanges()),
                    join(c.riskFlags()),
                    text(c.hardwareClass()),
                    join(c.sectors()),
                    c.trend().downloads30d() == null
                            ? ""
                            : String.valueOf(c.trend().downloads30d()),
                    c.trend().direction(),
                    c.alternatives().stream().map(ExposureCsv::alternative).collect(Collectors.joining("; ")),
                    String.join(" | ", c.notes())));
        }
        return csv.toString();
    }

    private static String alternative(Alternative a) {
        return a.hub() + ":" + a.id() + " (" + String.join("/", a.lineageCountries()) + ", " + a.licenceId() + ")";
    }

    private static String shares(List<OriginShare> s) {
        return s.stream()
                .map(o -> o.country() + ":" + Numbers.format(o.share()))
                .collect(Collectors.joining(";"));
    }

    private static String join(List<String> l) {
        return l == null ? "" : String.join(";", l);
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }
}
