package org.weightscope.dashboard;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.Locale;
import org.weightscope.catalogue.Adoption;
import org.weightscope.catalogue.AdoptionService;
import org.weightscope.catalogue.AnchorMetrics;
import org.weightscope.catalogue.CatalogueModel;
import org.weightscope.catalogue.RelativeAdoption;
import org.weightscope.shared.Json;

/**
 * A model's anchors' panels: its download-quality flags, its RAM curve against its size class's monotonic top-10
 * cutoff (days since release, only days with a capture), and the models released in the last 90 days tracking
 * above 1 — the same figures as {@code /api/v1/model-metrics} and {@code /api/v1/adoption?metric=ram}.
 */
class ModelMetricsPanel extends VerticalLayout {

    ModelMetricsPanel(AnchorMetrics anchors, AdoptionService adoption, CatalogueModel m) {
        setPadding(false);
        setId("model-metrics");
        AnchorMetrics.ModelMetrics mm = anchors.model(m.id()).orElse(null);
        if (mm == null) return;
        Div quality = new Div();
        quality.setId("model-quality");
        if (mm.flags().isEmpty()) quality.add(new Div(new Span(getTranslation("model.quality.none"))));
        mm.flags().forEach(f -> quality.add(new Div(new Span(getTranslation("model.quality." + f)))));
        add(new H3(getTranslation("model.quality")), quality);

        RelativeAdoption.Curve c = mm.curve();
        Adoption.Metric ram = Adoption.Metric.RAM;
        if (c == null) {
            Paragraph none = new Paragraph(getTranslation("model.ram.none", reason(mm.reason())));
            none.setId("model-ram-none");
            add(new H3(getTranslation("model.ram", mm.sizeClass() == null ? "—" : mm.sizeClass())), none);
        } else {
            RelativeAdoption.Point last = c.points().get(c.points().size() - 1);
            add(new ChartPanel(
                    "model-ram",
                    getTranslation("model.ram", c.sizeClass()),
                    option(c, mm),
                    new Caption(
                            last.day().toString(),
                            ram.id(),
                            ram.version(),
                            getTranslation("view.uploader") + " + " + getTranslation("view.lineage"),
                            adoption.ruleVersion())));
            Paragraph latest = new Paragraph(
                    c.latest() == null
                            ? getTranslation("model.ram.none", reason("no cutoff on the days captured"))
                            : getTranslation(
                                    "model.ram.latest",
                                    String.format(Locale.ROOT, "%.3f", c.latest()),
                                    String.valueOf(last.t()),
                                    c.released().toString()));
            latest.setId("model-ram-latest");
            add(latest);
            if (c.partial()) add(new Paragraph(getTranslation("model.ram.partial")));
        }
        Adoption above = adoption.asOf(Adoption.Query.of(ram, Adoption.Dimension.ORIGIN, Adoption.View.LINEAGE));
        Div list = new Div();
        list.setId("ram-above");
        if (above.figures().isEmpty()) list.add(new Span(getTranslation("model.ram.aboveNone")));
        for (Adoption.Figure f : above.figures()) {
            String repo = f.key().substring(f.key().indexOf(':') + 1);
            list.add(new Div(
                    new Anchor(ModelView.path(m.hub(), repo), repo),
                    new Span(" " + String.format(Locale.ROOT, "%.3f", f.value()))));
        }
        add(new H3(getTranslation("model.ram.above")), list, new Caption(above));
    }

    /** Cumulative downloads of the model and the cutoff by day since release, on a log axis. */
    private String option(RelativeAdoption.Curve c, AnchorMetrics.ModelMetrics mm) {
        ObjectNode o = Json.mapper().createObjectNode();
        o.putObject("tooltip").put("trigger", "axis").put("renderMode", "richText");
        o.put("animation", false);
        o.putObject("legend").put("bottom", 0);
        o.putObject("grid").put("left", 80).put("right", 20).put("top", 20).put("bottom", 60);
        o.putObject("xAxis")
                .put("type", "value")
                .put("name", getTranslation("model.ram.days"))
                .put("nameLocation", "middle")
                .put("nameGap", 25);
        o.putObject("yAxis").put("type", "log");
        ArrayNode series = o.putArray("series");
        ArrayNode own = series.addObject()
                .put("name", getTranslation("model.ram.model"))
                .put("type", "line")
                .put("connectNulls", false)
                .putArray("data");
        c.points().forEach(p -> own.addArray().add(p.t()).add(Math.max(1, p.downloads())));
        ArrayNode cut = series.addObject()
                .put("name", getTranslation("model.ram.cutoff"))
                .put("type", "line")
                .put("step", "end")
                .putArray("data");
        int lastT = c.points().get(c.points().size() - 1).t();
        mm.cutoff()
                .headMap(Math.max(lastT, 29), true)
                .forEach((t, v) -> cut.addArray().add(t).add(Math.max(1, v)));
        return o.toString();
    }

    /** Why a model has no RAM, in the UI's language (the API answers the English reason). */
    private String reason(String english) {
        String key = "model.ram.reason." + english.replace(' ', '-');
        String t = getTranslation(key);
        return t == null || t.isBlank() || t.contains(key) ? english : t;
    }
}
