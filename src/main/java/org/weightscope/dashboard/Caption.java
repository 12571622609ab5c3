package org.weightscope.dashboard;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.weightscope.catalogue.Adoption;
import org.weightscope.catalogue.Coverage;
import org.weightscope.shared.CitationLine;

/**
 * The lines under every chart and table: as of which day, over which captures (coverage in words), which metric
 * (and version), which view, which rule — and, where a reader must be warned, that the sample is thin or one model
 * dominates the total, naming it.
 */
final class Caption extends Div {

    static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    Caption(Adoption a) {
        addClassName("caption-box");
        Span line = new Span(text(a));
        line.addClassName("caption");
        line.getElement().setAttribute("data-as-of", a.at() == null ? "" : a.at().toString());
        line.getElement()
                .setAttribute("data-models", String.valueOf(a.coverage().models()));
        line.getStyle().set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-secondary-text-color)");
        add(line);
        for (String w : warnings(a.coverage())) {
            Span warning = new Span(w);
            warning.addClassName("coverage-warning");
            warning.getStyle()
                    .set("display", "block")
                    .set("font-size", "var(--lumo-font-size-s)")
                    .set("color", "var(--lumo-warning-text-color, #8a5a00)")
                    .set("font-weight", "600");
            add(warning);
        }
    }

    /** A caption for figures that are not an adoption answer (an exposure report, a model's own history). */
    Caption(String asOf, String metric, String metricVersion, String view, String ruleVersion) {
        addClassName("caption-box");
        Span line = new Span(
                (asOf == null ? getTranslation("caption.noDataShort") : getTranslation("caption.asOfDay", asOf)) + " · "
                        + getTranslation("caption.line", metric, metricVersion, view, ruleVersion));
        line.addClassName("caption");
        line.getElement().setAttribute("data-as-of", asOf == null ? "" : asOf);
        line.getStyle().set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-secondary-text-color)");
        add(line);
    }

    String text(Adoption a) {
        Coverage c = a.coverage();
        String head;
        if (a.at() == null) {
            head = getTranslation("caption.noDataShort");
        } else if (c.empty()) {
            head = getTranslation("caption.noData", a.at().toString(), c.freshnessDays());
        } else {
            head = getTranslation("caption.asOfDay", a.at().toString()) + " · " + coverage(c);
        }
        return head + " · "
                + getTranslation(
                        "caption.line",
                        a.metric(),
                        a.metricVersion(),
                        getTranslation("view." + a.view()),
                        a.ruleVersion());
    }

    /** "16 models captured 2026-08-17 to 2026-08-22 (trending lists); 3 with older captures left out". */
    String coverage(Coverage c) {
        List<String> kinds =
                c.captureKinds().stream().map(k -> getTranslation("kind." + k)).toList();
        String text = c.capturedFrom().equals(c.capturedTo())
                ? getTranslation(
                        "caption.coverageOneDay",
                        Numbers.integer(c.models(), getLocale()),
                        c.capturedFrom().toString(),
                        String.join(", ", kinds))
                : getTranslation(
                        "caption.coverage",
                        Numbers.integer(c.models(), getLocale()),
                        c.capturedFrom().toString(),
                        c.capturedTo().toString(),
                        String.join(", ", kinds));
        if (c.leftOutStale() > 0) {
            text += "; " + getTranslation("caption.stale", Numbers.integer(c.leftOutStale(), getLocale()));
        }
        return text;
    }

    List<String> warnings(Coverage c) {
        List<String> out = new ArrayList<>();
        if (c.empty()) {
            return out;
        }
        if (c.thin()) {
            out.add(getTranslation("caption.thin", Numbers.integer(c.models(), getLocale()), c.minModels()));
        }
        if (c.dominated()) {
            out.add(getTranslation("caption.dominated", Numbers.model(c.topModel()), Numbers.percent(c.topShare())));
        }
        return out;
    }

    /** The citation of a chart's CSV download: the shared text, also the API's (the writer adds the "# "). */
    static String citation(Adoption a) {
        return new CitationLine(
                        null,
                        a.at() == null ? null : a.at().toString(),
                        a.coverage().describe(),
                        a.metric(),
                        a.metricVersion(),
                        a.by(),
                        a.view(),
                        a.ruleVersion())
                .text();
    }

    /** A metric's definition in the UI language where the bundle has one, else the catalogue's own (English). */
    static String definition(com.vaadin.flow.component.Component in, Adoption.Metric m) {
        String key = "definition." + m.id();
        String t = in.getTranslation(key);
        return t == null || t.isBlank() || t.contains(key) ? m.definition() : t;
    }

    static String day(Instant instant) {
        return instant == null ? "" : DAY.format(instant);
    }

    static String day(LocalDate day) {
        return day == null ? "" : day.toString();
    }
}
