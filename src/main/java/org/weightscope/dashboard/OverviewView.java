package org.weightscope.dashboard;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.weightscope.catalogue.CatalogueModel;
import org.weightscope.catalogue.CatalogueService;
import org.weightscope.catalogue.Share;

/** Overview: 30-day downloads by organisation and the most downloaded models, with their as-of dates. */
@Route("")
@PageTitle("Weightscope")
public class OverviewView extends VerticalLayout {

    static final int TOP_ORGANISATIONS = 15;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    OverviewView(CatalogueService catalogue) {
        add(new H1("Weightscope"));
        Paragraph asOf = new Paragraph(catalogue.asOfRange()
                .map(r -> "Recorded data: Hugging Face captures from " + DAY.format(r.from()) + " to "
                        + DAY.format(r.to()) + ". Each model shows its latest recorded 30-day downloads.")
                .orElse("No data yet."));
        asOf.setId("as-of");
        add(asOf);

        add(new H2("30-day downloads by organisation (top " + TOP_ORGANISATIONS + ")"));
        EChart chart = new EChart();
        chart.setId("downloads-by-organisation");
        chart.setOption(barOption(catalogue.downloadsByAuthor(TOP_ORGANISATIONS)));
        add(chart);

        add(new H2("Most downloaded models"));
        Grid<CatalogueModel> grid = new Grid<>(CatalogueModel.class, false);
        grid.addColumn(CatalogueModel::repoId).setHeader("Model").setAutoWidth(true).setFlexGrow(2);
        grid.addColumn(CatalogueModel::author).setHeader("Organisation").setAutoWidth(true);
        grid.addColumn(CatalogueModel::pipelineTag).setHeader("Task").setAutoWidth(true);
        grid.addColumn(m -> m.downloads30d() == null ? "" : String.format("%,d", m.downloads30d()))
                .setHeader("30-day downloads").setAutoWidth(true);
        grid.addColumn(m -> DAY.format(m.asOf())).setHeader("As of").setAutoWidth(true);
        grid.setItems(catalogue.topModels(100));
        grid.setId("top-models");
        add(grid);
        setSizeFull();
    }

    static String barOption(List<Share> shares) {
        ObjectMapper json = new ObjectMapper();
        ObjectNode option = json.createObjectNode();
        option.putObject("tooltip").put("trigger", "axis");
        option.putObject("grid").put("left", 160).put("right", 40);
        ArrayNode names = option.putObject("yAxis").put("type", "category").put("inverse", true).putArray("data");
        option.putObject("xAxis").put("type", "value").put("name", "30-day downloads");
        ObjectNode series = option.putArray("series").addObject();
        series.put("name", "30-day downloads").put("type", "bar");
        ArrayNode values = series.putArray("data");
        for (Share share : shares) {
            names.add(share.key());
            values.add(share.value());
        }
        return option.toString();
    }
}
