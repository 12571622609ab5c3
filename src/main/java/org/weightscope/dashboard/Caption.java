package org.weightscope.dashboard;

import com.vaadin.flow.component.html.Span;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.weightscope.catalogue.Adoption;
import org.weightscope.shared.CitationLine;

/** The line under every chart and table: as of when, which metric (and version), which view, which rule. */
final class Caption extends Span {

    static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    Caption(Adoption a) {
        setText(text(a));
        addClassName("caption");
        getElement().setAttribute("data-as-of", a.asOf() == null ? "" : a.asOf().toString());
        getStyle().set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-secondary-text-color)");
    }

    static String text(Adoption a) {
        return (a.asOf() == null ? "No data" : "As of " + DAY.format(a.asOf())) + " · metric " + a.metric() + " v"
                + a.metricVersion() + " · " + a.view() + " view · " + a.ruleVersion();
    }

    /** The citation of a chart's CSV download (the shared text, also the API's). */
    static String citation(Adoption a) {
        return new CitationLine(null, a.asOf(), a.metric(), a.metricVersion(), a.by(), a.view(), a.ruleVersion()).text();
    }

    static String day(Instant instant) {
        return instant == null ? "" : DAY.format(instant);
    }
}
