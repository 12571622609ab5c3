package org.weightscope.shared;

import java.time.Instant;

/**
 * The one way a figure we hand out says where it comes from: the JSON {@code citation} field, the line under
 * a chart and the first line of every CSV export are this text.
 *
 * @param subject       what is cited after "Weightscope" (e.g. "exposure report"), or null
 * @param asOf          data as of (null: nothing matched)
 * @param metric        metric id, or null where no metric applies
 * @param metricVersion its version
 * @param by            the dimension figures are grouped by, or null
 * @param view          origin view (uploader, lineage, both), or null
 * @param ruleVersion   attribution rule version
 */
public record CitationLine(String subject, Instant asOf, String metric, String metricVersion, String by, String view,
        String ruleVersion) {

    /** As-of text when nothing matched, so a figure of zero still says why it has no date. */
    public static final String NO_DATA = "unknown (no models matched)";

    public String text() {
        StringBuilder s = new StringBuilder("Source: Weightscope");
        if (subject != null) {
            s.append(' ').append(subject);
        }
        s.append(", as of ").append(asOf == null ? NO_DATA : asOf.toString());
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

    /** The text as a CSV comment line, without the line break. */
    public String csvComment() {
        return CsvWriter.comment(text());
    }
}
