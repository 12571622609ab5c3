package org.weightscope.api;

import java.time.Instant;

/**
 * What every answer cites: as-of time, metric and its version (when a metric applies), origin view and
 * attribution rule — so a figure copied out of the API can still be traced to how it was computed.
 */
record Citation(Instant asOf, String metric, String metricVersion, String view, String ruleVersion) {

    String text() {
        StringBuilder s = new StringBuilder("Source: Weightscope, as of ")
                .append(asOf == null ? "unknown (no models matched)" : asOf.toString());
        if (metric != null) {
            s.append(", metric ").append(metric).append(" v").append(metricVersion);
        }
        return s.append(", view ").append(view).append(", attribution ").append(ruleVersion).toString();
    }

    String asOfText() {
        return asOf == null ? null : asOf.toString();
    }
}
