package org.weightscope.api;

import java.time.Instant;
import org.weightscope.catalogue.Adoption;
import org.weightscope.shared.CitationLine;

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
        return new Citation(
                a.at() == null ? null : a.at().toString(),
                a.metric(),
                a.metricVersion(),
                a.view(),
                a.ruleVersion(),
                a.coverage().describe());
    }

    /** The shared citation text ({@link CitationLine}), the same as atop the dashboard's and exposure CSVs. */
    String text() {
        return new CitationLine(null, asOf, coverage, metric, metricVersion, null, view, ruleVersion).text();
    }

    String asOfText() {
        return asOf;
    }
}
