package org.weightscope.dashboard;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.weightscope.catalogue.Adoption;
import org.weightscope.catalogue.AdoptionService;

/**
 * Pick a metric, a dimension, an origin view and filters; see a chart and a table; download the CSV. The
 * whole state lives in the URL's query string, so a copied link reproduces the view (permalink).
 */
@AnonymousAllowed
@Route(value = "explore", layout = MainLayout.class)
@PageTitle("Explorer · Weightscope")
public class ExplorerView extends VerticalLayout implements BeforeEnterObserver {

    private final AdoptionService adoption;
    private final org.weightscope.catalogue.AnchorMetrics anchors;
    private final Select<Adoption.Metric> metric = new Select<>();
    private final Select<Adoption.Dimension> by = new Select<>();
    private final RadioButtonGroup<Adoption.View> view = new RadioButtonGroup<>();
    private final TextField origins = new TextField();
    private final IntegerField top = new IntegerField();
    private final Select<String> chart = new Select<>();
    private final com.vaadin.flow.component.datepicker.DatePicker at =
            new com.vaadin.flow.component.datepicker.DatePicker();
    private final VerticalLayout result = new VerticalLayout();
    private boolean updating;

    /** The explorer's state, as in the URL. */
    record State(
            Adoption.Metric metric,
            Adoption.Dimension by,
            Adoption.View view,
            List<String> origins,
            int top,
            String chart,
            java.time.LocalDate at) {

        static final State DEFAULT = new State(
                Adoption.Metric.DOWNLOADS_30D,
                Adoption.Dimension.ORIGIN,
                Adoption.View.LINEAGE,
                List.of(),
                15,
                "bar",
                null);

        static State from(QueryParameters q) {
            Map<String, List<String>> p = q.getParameters();
            String chart = first(p, "chart", DEFAULT.chart());
            if (!List.of("bar", "pie", "table").contains(chart)) {
                throw new IllegalArgumentException("unknown chart '" + chart + "' (use bar, pie or table)");
            }
            int top;
            try {
                top = Integer.parseInt(first(p, "top", "15"));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("top must be a number");
            }
            if (top < 1 || top > 100) {
                throw new IllegalArgumentException("top must be between 1 and 100");
            }
            String origin = first(p, "origin", "");
            List<String> origins = origin.isBlank()
                    ? List.of()
                    : Arrays.stream(origin.split(","))
                            .map(String::trim)
                            .filter(s -> !s.isEmpty())
                            .toList();
            String atText = first(p, "at", "");
            java.time.LocalDate at;
            try {
                at = atText.isBlank() ? null : java.time.LocalDate.parse(atText);
            } catch (java.time.format.DateTimeParseException e) {
                throw new IllegalArgumentException("at must be a day as yyyy-mm-dd");
            }
            return new State(
                    Adoption.Metric.of(first(p, "metric", DEFAULT.metric().id())),
                    Adoption.Dimension.of(first(p, "by", DEFAULT.by().id())),
                    Adoption.View.of(first(p, "view", DEFAULT.view().id())),
                    origins,
                    top,
                    chart,
                    at);
        }

        QueryParameters toQuery() {
            Map<String, String> p = new LinkedHashMap<>();
            p.put("metric", metric.id());
            p.put("by", by.id());
            p.put("view", view.id());
            if (!origins.isEmpty()) {
                p.put("origin", String.join(",", origins));
            }
            p.put("top", String.valueOf(top));
            p.put("chart", chart);
            if (at != null) {
                p.put("at", at.toString());
            }
            return QueryParameters.simple(p);
        }

        Adoption.Query query() {
            return new Adoption.Query(
                    metric, by, view, origins.isEmpty() ? Map.of() : Map.of(Adoption.Dimension.ORIGIN, origins), top);
        }

        private static String first(Map<String, List<String>> p, String key, String fallback) {
            List<String> v = p.get(key);
            return v == null || v.isEmpty() ? fallback : v.get(0);
        }
    }

    ExplorerView(AdoptionService adoption, org.weightscope.catalogue.AnchorMetrics anchors) {
        this.adoption = adoption;
        this.anchors = anchors;
        setMaxWidth("1200px");
        add(new H2(getTranslation("nav.explorer")));
        metric.setLabel(getTranslation("explorer.metric"));
        metric.setItems(Adoption.Metric.values());
        metric.setItemLabelGenerator(m -> getTranslation("metric." + m.id()));
        metric.setId("metric");
        by.setLabel(getTranslation("explorer.by"));
        by.setItems(Adoption.Dimension.values());
        by.setItemLabelGenerator(d -> getTranslation("dimension." + d.id()));
        by.setId("by");
        view.setLabel(getTranslation("explorer.view"));
        view.setItems(Adoption.View.values());
        view.setItemLabelGenerator(v -> getTranslation("view." + v.id()));
        view.setId("view");
        origins.setLabel(getTranslation("explorer.filterOrigin"));
        origins.setPlaceholder("CN,US");
        origins.setId("origin-filter");
        top.setLabel(getTranslation("explorer.top"));
        top.setMin(1);
        top.setMax(100);
        top.setStepButtonsVisible(true);
        top.setId("top");
        chart.setLabel(getTranslation("explorer.chart"));
        chart.setItems("bar", "pie", "table");
        chart.setId("chart");
        at.setLabel(getTranslation("explorer.at"));
        at.setId("at");
        at.setLocale(Locale.CANADA); // yyyy-mm-dd in every UI language
        at.setClearButtonVisible(true);
        HorizontalLayout controls = new HorizontalLayout(metric, by, view, origins, top, chart, at);
        controls.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        controls.setWrap(true);
        add(controls, result);
        result.setPadding(false);
        metric.addValueChangeListener(e -> navigate());
        by.addValueChangeListener(e -> navigate());
        view.addValueChangeListener(e -> navigate());
        origins.addValueChangeListener(e -> navigate());
        top.addValueChangeListener(e -> navigate());
        chart.addValueChangeListener(e -> navigate());
        at.addValueChangeListener(e -> navigate());
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        result.removeAll();
        State state;
        try {
            state = State.from(event.getLocation().getQueryParameters());
        } catch (IllegalArgumentException e) {
            Paragraph error = new Paragraph(e.getMessage());
            error.setId("explorer-error");
            error.getStyle().set("color", "var(--lumo-error-text-color)");
            result.add(error);
            state = State.DEFAULT;
        }
        updating = true;
        metric.setValue(state.metric());
        by.setValue(state.by());
        view.setValue(state.view());
        origins.setValue(String.join(",", state.origins()));
        top.setValue(state.top());
        chart.setValue(state.chart());
        at.setValue(
                state.at() != null
                        ? state.at()
                        : adoption.newestDay(state.metric()).orElse(null));
        updating = false;
        render(state);
    }

    private void navigate() {
        if (updating || metric.isEmpty() || by.isEmpty() || view.isEmpty() || top.isEmpty() || chart.isEmpty()) {
            return;
        }
        int t = Math.max(1, Math.min(100, top.getValue()));
        List<String> o = origins.getValue().isBlank()
                ? List.of()
                : Arrays.stream(origins.getValue().split(","))
                        .map(s -> s.trim().toUpperCase(Locale.ROOT))
                        .map(s -> s.equals("UNATTRIBUTED") ? "unattributed" : s)
                        .filter(s -> !s.isEmpty())
                        .toList();
        java.time.LocalDate day = at.getValue();
        if (day != null && day.equals(adoption.newestDay(metric.getValue()).orElse(null))) {
            day = null; // the newest day stays "newest" in the permalink only when asked for explicitly
        }
        State state = new State(metric.getValue(), by.getValue(), view.getValue(), o, t, chart.getValue(), day);
        UI.getCurrent().navigate(ExplorerView.class, state.toQuery());
    }

    private void render(State state) {
        Adoption a = adoption.asOf(state.query(), state.at());
        String series = getTranslation("metric." + state.metric().id());
        String title = getTranslation("metric." + state.metric().id()) + " · "
                + getTranslation("dimension." + state.by().id());
        if (!state.chart().equals("table")) {
            boolean origins = state.by() == Adoption.Dimension.ORIGIN;
            java.util.function.Function<String, String> label = k -> Numbers.label(k, this);
            String option = state.chart().equals("pie")
                    ? ChartOptions.pie(a.figures(), series, label, origins)
                    : ChartOptions.bar(a.figures(), series, label, origins);
            result.add(new ChartPanel("explorer-chart", title, option, new Caption(a)));
        }
        Grid<Adoption.Figure> table = new Grid<>();
        table.setId("explorer-table");
        table.addColumn(f -> Numbers.label(f.key(), this)).setHeader(getTranslation("table.key"));
        table.addColumn(f -> (!state.metric().downloads() || state.metric() == Adoption.Metric.CONCENTRATION)
                                && f.value() != Math.rint(f.value())
                        ? String.format(getLocale(), f.value() < 10 ? "%,.4f" : "%,.2f", f.value())
                        : Numbers.integer(f.value(), getLocale()))
                .setHeader(getTranslation("table.value"));
        table.addColumn(f -> Numbers.percent(f.share())).setHeader(getTranslation("table.share"));
        table.setItems(a.figures());
        table.setAllRowsVisible(true);
        result.add(table);
        if (state.chart().equals("table")) {
            result.add(new Caption(a));
        }
        String csv = Csv.of(
                Caption.citation(a), List.of(state.by().id(), state.metric().id(), "share"), rows(a));
        Anchor download = new Anchor(
                DownloadHandler.fromInputStream(e -> {
                    byte[] bytes = csv.getBytes(StandardCharsets.UTF_8);
                    return new DownloadResponse(
                            new ByteArrayInputStream(bytes),
                            "weightscope-" + state.metric().id() + "-by-"
                                    + state.by().id() + "-" + state.view().id() + ".csv",
                            "text/csv; charset=utf-8",
                            bytes.length);
                }),
                getTranslation("explorer.csv"));
        download.setId("csv-download");
        download.getElement().setAttribute("download", true);
        String permalink = "explore?" + state.toQuery().getQueryString();
        Anchor link = new Anchor(permalink, getTranslation("explorer.permalink"));
        link.setId("permalink");
        result.add(new HorizontalLayout(download, link));
        result.add(new Paragraph(a.definition()));
        AnchorFigures.addTo(result, anchors, state.query(), a);
    }

    private static List<List<String>> rows(Adoption a) {
        List<List<String>> rows = new ArrayList<>();
        for (Adoption.Figure f : a.figures()) {
            rows.add(List.of(
                    f.key(),
                    new java.math.BigDecimal(String.valueOf(ChartOptions.round(f.value())))
                            .stripTrailingZeros()
                            .toPlainString(),
                    String.format(Locale.ROOT, "%.6f", f.share())));
        }
        return rows;
    }
}
