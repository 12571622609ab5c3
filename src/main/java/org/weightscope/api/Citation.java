package org.weightscope.api;

import java.time.Instant;
import org.weightscope.catalogue.Adoption;

/**
 * What every answer cites: as-of day or time, metric and its version (when a metric applies), origin view,
 * attribution rule and, for figures, what they were computed over — so a figure copied out of the API can still
 * be traced to how it was computed.
 *
 * @param coverage the coverage in words, or null
 */
record Citation(String asOf, String metric, String metricVersion, String view, String ruleVersion, String coverage) {

    Citation(Instant asOf, String metric, String metricVersion, String view, String ruleVersion) {
        this(asOf == null ? null : asOf.toString(), metric, metricVersion, view, ruleVersion, null);
    }

    /** The citation of a figure as of a day. */
    static Citation of(Adoption a) {
        return new Citation(a.at() == null ? null : a.at().toString(), a.metric(), a.metricVersion(), a.view(),
                a.ruleVersion(), a.coverage().describe());
    }

    String text() {
        StringBuilder s = new StringBuilder("Source: Weightscope, as of ")
                .append(asOf == null ? (coverage == null ? "unknown (no models matched)" : "unknown (no capture)") : asOf);
        if (coverage != null) {
            s.append(" (").append(coverage).append(")");
        }
        if (metric != null) {
            s.append(", metric ").append(metric).append(" v").append(metricVersion);
        }
        return s.append(", view ").append(view).append(", attribution ").append(ruleVersion).toString();
    }

    String asOfText() {
        return asOf;
    }
}
