package org.weightscope.dashboard;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

/** A titled chart with its caption and a "save as PNG" button: the unit every view is built from. */
class ChartPanel extends VerticalLayout {

    final EChart chart = new EChart();

    ChartPanel(String id, String title, String optionJson, Caption caption) {
        setPadding(false);
        setSpacing(false);
        setId(id + "-panel");
        chart.setId(id);
        chart.setOption(optionJson);
        Button png = new Button(getTranslation("explorer.png"), e -> chart.savePng(id));
        png.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        HorizontalLayout head = new HorizontalLayout(new H3(title), png);
        head.setWidthFull();
        head.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        head.expand(head.getComponentAt(0));
        add(head, chart, caption);
        getStyle()
                .set("border", "1px solid var(--lumo-contrast-10pct)")
                .set("border-radius", "var(--lumo-border-radius-m)")
                .set("padding", "var(--lumo-space-s) var(--lumo-space-m)");
    }
}
