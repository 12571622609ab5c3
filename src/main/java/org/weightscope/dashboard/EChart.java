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

    /** Lets the browser save what the chart shows as a PNG file (title, as-of, coverage and source drawn in). */
    public void savePng(String fileName) {
        saveImage("png", fileName);
    }

    /** Saves the chart as {@code png} or {@code svg}, with the title and the lines of {@link #setTitle} drawn in. */
    public void saveImage(String type, String fileName) {
        getElement().callJsFunction("saveImage", type, fileName + "." + type);
    }

    /** The title and the lines (as-of, view, coverage, source) drawn into a saved image. */
    public void setTitle(String title, java.util.List<String> lines) {
        getElement().setProperty("imageTitle", title);
        getElement()
                .setProperty(
                        "imageLines",
                        org.weightscope.shared.Json.mapper().valueToTree(lines).toString());
    }

    public void setOption(String optionJson) {
        getElement().setProperty("option", optionJson);
        getElement().setAttribute("data-option", optionJson);
    }
}
