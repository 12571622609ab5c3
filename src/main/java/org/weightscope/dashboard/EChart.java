package org.weightscope.dashboard;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;

/**
 * The one chart component: an Apache ECharts instance fed with an ECharts option as JSON. The option is
 * also kept in the {@code data-option} attribute so browser tests can read the series that are shown.
 */
@Tag("echarts-chart")
@NpmPackage(value = "echarts", version = "6.1.0")
@JsModule("./echarts-chart.js")
public class EChart extends Component implements HasSize {

    public EChart() {
        setWidthFull();
        setHeight("420px");
    }

    /** Lets the browser save what the chart shows as a PNG file. */
    public void savePng(String fileName) {
        getElement().callJsFunction("savePng", fileName + ".png");
    }

    public void setOption(String optionJson) {
        getElement().setProperty("option", optionJson);
        getElement().setAttribute("data-option", optionJson);
    }
}
