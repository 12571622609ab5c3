package org.weightscope.exposure;

import org.weightscope.catalogue.Attribution.OriginShare;
import org.weightscope.exposure.ExposureReport.Alternative;
import org.weightscope.exposure.ExposureReport.Component;

import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Collectors;

/** CSV export of a report: a citation line, a header and one RFC 4180 row per component. */
final class ExposureCsv {

    static final List<String> HEADER = List.of("row", "reference", "business_unit", "weight", "status", "hub", "model_id",
            "revision", "candidates", "uploader_org", "uploader_origin", "developer_orgs", "lineage_roots", "lineage_origin",
            "licence_id", "licence_class", "licence_changes", "risk_flags", "hardware_class", "sectors", "downloads_30d",
            "trend", "alternatives", "notes");

    private ExposureCsv() {}

    static String write(ExposureReport r) {
        StringBuilder sb = new StringBuilder();
        // The first line is the citation, so a forwarded file still says where its numbers come from.
        sb.append("# Source: Weightscope exposure report, generated ")
                .append(r.generatedAt().truncatedTo(ChronoUnit.SECONDS))
                .append(", attribution rule ").append(r.ruleVersion()).append("\r\n");
        row(sb, HEADER);
        for (Component c : r.components()) {
            row(sb, List.of(
                    String.valueOf(c.row()), text(c.reference()), text(c.businessUnit()), Numbers.format(c.weight()),
                    c.status(), text(c.hub()), text(c.modelId()), text(c.revision()), join(c.candidates()),
                    text(c.uploaderOrg()), shares(c.uploaderOrigin()), join(c.developerOrgs()), join(c.lineageRoots()),
                    shares(c.lineageOrigin()), text(c.licenceId()), text(c.licenceClass()), join(c.licenceChanges()),
                    join(c.riskFlags()), text(c.hardwareClass()), join(c.sectors()),
                    c.trend().downloads30d() == null ? "" : String.valueOf(c.trend().downloads30d()), c.trend().direction(),
                    c.alternatives().stream().map(ExposureCsv::alternative).collect(Collectors.joining("; ")),
                    String.join(" | ", c.notes())));
        }
        return sb.toString();
    }

    private static String alternative(Alternative a) {
        return a.hub() + ":" + a.id() + " (" + String.join("/", a.lineageCountries()) + ", " + a.licenceId() + ")";
    }

    private static String shares(List<OriginShare> s) {
        return s.stream().map(o -> o.country() + ":" + Numbers.format(o.share())).collect(Collectors.joining(";"));
    }

    private static String join(List<String> l) {
        return l == null ? "" : String.join(";", l);
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }

    private static void row(StringBuilder sb, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) sb.append(',');
            sb.append(quote(cells.get(i)));
        }
        sb.append("\r\n");
    }

    /**
     * RFC 4180 quoting. Cells starting with = + - @ (from uploaded references) are prefixed with ' so a
     * spreadsheet does not run them as formulas (CSV injection); numbers we write ourselves never start so.
     */
    static String quote(String s) {
        if (s == null || s.isEmpty()) return "";
        String v = s;
        char c0 = v.charAt(0);
        if (c0 == '=' || c0 == '+' || c0 == '-' || c0 == '@' || c0 == '\t' || c0 == '\r') v = "'" + v;
        boolean needs = v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0
                || !v.equals(v.strip());
        return needs ? '"' + v.replace("\"", "\"\"") + '"' : v;
    }
}
