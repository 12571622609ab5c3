package org.weightscope.dashboard;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.ArrayList;
import java.util.List;

/**
 * A titled chart with its caption: the unit every view is built from. With a {@link Publication} it has chart and
 * table tabs, PNG and SVG downloads with title, as-of, view, coverage and source drawn in, CSV and JSON links to the
 * stable API answer, a permalink and an embed code.
 */
class ChartPanel extends VerticalLayout {

    final EChart chart = new EChart();

    ChartPanel(String id, String title, String optionJson, Caption caption) {
        this(id, title, optionJson, caption, null);
    }

    ChartPanel(String id, String title, String optionJson, Caption caption, Publication publication) {
        setPadding(false);
        setSpacing(false);
        setId(id + "-panel");
        addClassName("chart-panel");
        chart.setId(id);
        chart.setOption(optionJson);
        H3 heading = new H3(title);
        String source = publication != null && publication.permalink() != null ? publication.permalink() : Links.base();
        List<String> lines = new ArrayList<>(caption.getChildren()
                .map(c -> c.getElement().getTextRecursively())
                .toList());
        lines.add(getTranslation("publish.source", source));
        chart.setTitle(title, lines);
        Component body = chart;
        if (publication != null) {
            TabSheet tabs = new TabSheet();
            tabs.setId(id + "-tabs");
            tabs.setWidthFull();
            Tab chartTab = tabs.add(getTranslation("publish.chart"), chart);
            chartTab.setId(id + "-tab-chart");
            Tab tableTab = tabs.add(getTranslation("publish.table"), table(id, publication));
            tableTab.setId(id + "-tab-table");
            body = tabs;
        }
        add(heading, body, caption, actions(id, publication));
        getStyle()
                .set("border", "1px solid var(--lumo-contrast-10pct)")
                .set("border-radius", "var(--lumo-border-radius-m)")
                .set("padding", "var(--lumo-space-s) var(--lumo-space-m)")
                .set("box-sizing", "border-box")
                .set("min-width", "0")
                .set("max-width", "100%");
    }

    private Grid<List<String>> table(String id, Publication p) {
        Grid<List<String>> grid = new Grid<>();
        grid.setId(id + "-table");
        for (int i = 0; i < p.header().size(); i++) {
            int column = i;
            grid.addColumn(row -> column < row.size() ? row.get(column) : "")
                    .setHeader(p.header().get(i))
                    .setAutoWidth(true)
                    .setResizable(true);
        }
        grid.setItems(p.rows());
        grid.setAllRowsVisible(p.rows().size() <= 40);
        if (p.rows().size() > 40) {
            grid.setHeight("420px");
        }
        return grid;
    }

    private Component actions(String id, Publication p) {
        FlexLayout bar = new FlexLayout();
        bar.setId(id + "-actions");
        bar.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        bar.getStyle().set("gap", "var(--lumo-space-s)").set("font-size", "var(--lumo-font-size-s)");
        bar.add(button(id + "-png", getTranslation("publish.png"), () -> chart.saveImage("png", id)));
        bar.add(button(id + "-svg", getTranslation("publish.svg"), () -> chart.saveImage("svg", id)));
        if (p == null) {
            return bar;
        }
        if (p.csvUrl() != null) {
            bar.add(link(id + "-csv", getTranslation("publish.csv"), p.csvUrl()));
        }
        if (p.jsonUrl() != null) {
            bar.add(link(id + "-json", getTranslation("publish.json"), p.jsonUrl()));
        }
        if (p.permalink() != null) {
            bar.add(link(id + "-permalink", getTranslation("publish.permalink"), p.permalink()));
        }
        if (p.embedUrl() != null) {
            TextArea code = new TextArea(getTranslation("publish.embedCode"));
            code.setId(id + "-embed-code");
            code.setReadOnly(true);
            code.setWidthFull();
            code.setValue("<iframe src=\"" + p.embedUrl()
                    + "\" width=\"100%\" height=\"600\" loading=\"lazy\" style=\"border:0\""
                    + " title=\"Weightscope\"></iframe>");
            code.setVisible(false);
            Button embed =
                    button(id + "-embed", getTranslation("publish.embed"), () -> code.setVisible(!code.isVisible()));
            bar.add(embed);
            Div wrap = new Div(bar, code);
            wrap.setWidthFull();
            return wrap;
        }
        return bar;
    }

    private static Button button(String id, String text, Runnable action) {
        Button b = new Button(text, e -> action.run());
        b.setId(id);
        b.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        return b;
    }

    private static Anchor link(String id, String text, String href) {
        Anchor a = new Anchor(href, text);
        a.setId(id);
        a.setTarget(AnchorTarget.BLANK);
        a.getElement().setAttribute("rel", "noopener");
        return a;
    }
}
