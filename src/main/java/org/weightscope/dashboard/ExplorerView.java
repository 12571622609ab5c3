package org.weightscope.dashboard;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.datepicker.DatePicker;
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
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
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
    private final DatePicker at = new DatePicker();
    private final Select<String> split = new Select<>();
    private final DatePicker from = new DatePicker();
    private final DatePicker to = new DatePicker();
    private final VerticalLayout result = new VerticalLayout();
    private boolean updating;

    /** Kept for callers of the older name. */
    static final class State {
        static final ExplorerState DEFAULT = ExplorerState.DEFAULT;

        private State() {}
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
        chart.setItems(ExplorerState.CHARTS);
        chart.setItemLabelGenerator(c -> getTranslation("explorer.chart." + c));
        chart.setId("chart");
        at.setLabel(getTranslation("explorer.at"));
        at.setId("at");
        at.setLocale(Locale.CANADA); // yyyy-mm-dd in every UI language
        at.setClearButtonVisible(true);
        split.setLabel(getTranslation("explorer.split"));
        List<String> splits = new ArrayList<>(List.of(""));
        Arrays.stream(Adoption.Dimension.values())
                .filter(d -> d != Adoption.Dimension.ORIGIN)
                .forEach(d -> splits.add(d.id()));
        split.setItems(splits);
        split.setItemLabelGenerator(d -> d.isEmpty() ? "—" : getTranslation("dimension." + d));
        split.setId("split");
        for (DatePicker d : List.of(from, to)) {
            d.setLocale(Locale.CANADA);
            d.setClearButtonVisible(true);
        }
        from.setLabel(getTranslation("explorer.from"));
        from.setId("from");
        to.setLabel(getTranslation("explorer.to"));
        to.setId("to");
        HorizontalLayout controls = new HorizontalLayout(metric, by, view, origins, top, chart, split, at, from, to);
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
        split.addValueChangeListener(e -> navigate());
        from.addValueChangeListener(e -> navigate());
        to.addValueChangeListener(e -> navigate());
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        result.removeAll();
        ExplorerState state;
        try {
            state = ExplorerState.from(event.getLocation().getQueryParameters());
        } catch (IllegalArgumentException e) {
            Paragraph error = new Paragraph(e.getMessage());
            error.setId("explorer-error");
            error.getStyle().set("color", "var(--lumo-error-text-color)");
            result.add(error);
            state = ExplorerState.DEFAULT;
        }
        updating = true;
        metric.setValue(state.metric());
        by.setValue(state.by());
        view.setValue(state.view());
        origins.setValue(String.join(",", state.origins()));
        top.setValue(state.top());
        chart.setValue(state.chart());
        split.setValue(state.split() == null ? "" : state.split().id());
        boolean series = state.chart().equals("series");
        from.setVisible(series);
        to.setVisible(series);
        at.setVisible(!series);
        from.setValue(state.from());
        to.setValue(state.to());
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
        Adoption.Dimension splitBy =
                split.isEmpty() || split.getValue().isEmpty() ? null : Adoption.Dimension.of(split.getValue());
        if (splitBy != null && by.getValue() != Adoption.Dimension.ORIGIN) {
            splitBy = null; // a split breaks each origin down
        }
        ExplorerState state = new ExplorerState(
                metric.getValue(),
                by.getValue(),
                view.getValue(),
                o,
                t,
                chart.getValue(),
                day,
                splitBy,
                from.getValue(),
                to.getValue());
        UI.getCurrent().navigate(ExplorerView.class, state.toQuery());
    }

    private void render(ExplorerState state) {
        Adoption a = adoption.asOf(state.query(), state.at());
        if (state.chart().equals("series")) {
            ExplorerSeries.render(result, adoption, state, this);
            return;
        }
        String series = getTranslation("metric." + state.metric().id());
        String title = getTranslation("metric." + state.metric().id()) + " · "
                + getTranslation("dimension." + state.by().id());
        if (!state.chart().equals("table")) {
            boolean origins = state.by() == Adoption.Dimension.ORIGIN;
            java.util.function.Function<String, String> label =
                    k -> origins ? Numbers.label(k, this) : Numbers.classLabel(k, this);
            String option = state.split() != null
                    ? ChartOptions.stackedBar(
                            adoption.crossByOrigin(state.query(), state.split(), a.at()),
                            state.top(),
                            label,
                            k -> Numbers.classLabel(k, this))
                    : ChartOptions.figures(state.chart(), a.figures(), series, label, origins);
            result.add(new ChartPanel("explorer-chart", title, option, new Caption(a)));
        }
        Grid<Adoption.Figure> table = new Grid<>();
        table.setId("explorer-table");
        table.addColumn(f -> state.by() == Adoption.Dimension.ORIGIN
                        ? Numbers.label(f.key(), this)
                        : Numbers.classLabel(f.key(), this))
                .setHeader(getTranslation("table.key"));
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
        result.add(new Paragraph(definition(state.metric(), a.definition())));
        AnchorFigures.addTo(result, anchors, state.query(), a);
    }

    /** The metric's definition in the UI's language, else the answer's own (with its window and view). */
    String definition(Adoption.Metric m, String fallback) {
        String key = "definition." + m.id();
        String t = getTranslation(key);
        return t == null || t.isBlank() || t.contains(key) ? fallback : t;
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
