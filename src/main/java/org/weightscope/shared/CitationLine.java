package org.weightscope.shared;

/**
 * The one way a figure we hand out says where it comes from: the API's {@code citation} field and the first
 * line of every CSV export (API, dashboard download, exposure report) are this text.
 *
 * @param subject       what is cited after "Weightscope" (e.g. "exposure report"), or null
 * @param asOf          as-of day or time as written (null: nothing matched)
 * @param coverage      what the figures were computed over, in words, or null
 * @param metric        metric id, or null where no metric applies
 * @param metricVersion its version
 * @param by            the dimension figures are grouped by, or null
 * @param view          origin view (uploader, lineage, both), or null
 * @param ruleVersion   attribution rule version
 */
public record CitationLine(
        String subject,
        String asOf,
        String coverage,
        String metric,
        String metricVersion,
        String by,
        String view,
        String ruleVersion) {

    public String text() {
        StringBuilder s = new StringBuilder("Source: Weightscope");
        if (subject != null) {
            s.append(' ').append(subject);
        }
        s.append(", as of ")
                .append(
                        asOf != null
                                ? asOf
                                : coverage == null ? "unknown (no models matched)" : "unknown (no capture)");
        if (coverage != null) {
            s.append(" (").append(coverage).append(')');
        }
        if (metric != null) {
            s.append(", metric ").append(metric).append(" v").append(metricVersion);
        }
        if (by != null) {
            s.append(", by ").append(by);
        }
        if (view != null) {
            s.append(", view ").append(view);
        }
        return s.append(", attribution ").append(ruleVersion).toString();
    }
}
