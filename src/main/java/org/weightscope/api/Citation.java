package org.weightscope.api;

import java.time.Instant;
import org.weightscope.shared.CitationLine;

/**
 * What every answer cites: as-of time, metric and its version (when a metric applies), origin view and
 * attribution rule — so a figure copied out of the API can still be traced to how it was computed. The text
 * is the shared {@link CitationLine}, the same as under the dashboard's charts and atop every CSV.
 */
record Citation(Instant asOf, String metric, String metricVersion, String view, String ruleVersion) {

    String text() {
        return new CitationLine(null, asOf, metric, metricVersion, null, view, ruleVersion).text();
    }

    String asOfText() {
        return asOf == null ? null : asOf.toString();
    }
}
