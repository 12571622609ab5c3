package org.weightscope.dashboard;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.weightscope.catalogue.Adoption;
import org.weightscope.catalogue.AdoptionService;
import org.weightscope.catalogue.CatalogueModel;
import org.weightscope.catalogue.ModelSearch;

/**
 * A page per country ({@code /countries/CN}) and per developer organisation ({@code /organisations/alibaba}): its
 * models, its download trend, its licence mix, the derivatives built on its models, and its share of the ecosystem,
 * all in the lineage view (whose models they are at root) from the same service as every other figure.
 */
@AnonymousAllowed
@Route(value = "countries/:key", layout = MainLayout.class)
@RouteAlias(value = "organisations/:key", layout = MainLayout.class)
public class EntityView extends RebuiltPage {

    private final AdoptionService adoption;
    private final ModelSearch search;

    EntityView(AdoptionService adoption, ModelSearch search) {
        super("1400px", "Weightscope");
        this.adoption = adoption;
        this.search = search;
    }

    @Override
    void build(BeforeEnterEvent event) {
        boolean country = event.getLocation().getFirstSegment().equals("countries");
        String key = event.getRouteParameters().get("key").orElse("");
        if (country) key = key.toUpperCase(Locale.ROOT);
        Adoption.Dimension dimension = country ? Adoption.Dimension.ORIGIN : Adoption.Dimension.ORGANISATION;
        Map<Adoption.Dimension, List<String>> only = Map.of(dimension, List.of(key));
        LocalDate at = DashboardView.at(event.getLocation().getQueryParameters());
        String name = country ? Numbers.label(key, this) : key;
        title(name + " · Weightscope");
        H2 heading = new H2(name);
        heading.setId("entity-name");
        add(heading);
        // share of the ecosystem: this key among every key of its dimension
        Adoption all = adoption.asOf(
                new Adoption.Query(Adoption.Metric.DOWNLOADS_30D, dimension, Adoption.View.LINEAGE, Map.of(), 1000),
                at);
        String k = key;
        double share = all.figures().stream()
                .filter(f -> f.key().equals(k))
                .mapToDouble(Adoption.Figure::share)
                .findFirst()
                .orElse(0);
        Paragraph shareLine = new Paragraph(getTranslation(
                "entity.share",
                Numbers.percent(share),
                all.at() == null ? "—" : all.at().toString()));
        shareLine.setId("entity-share");
        add(shareLine, new Caption(all));
        Div grid = DashboardView.panelGrid();
        Adoption.Query trendQuery =
                new Adoption.Query(Adoption.Metric.DOWNLOADS_30D, dimension, Adoption.View.LINEAGE, only, 10);
        LocalDate end = all.at();
        if (end != null) {
            AdoptionService.Series series =
                    adoption.weekly(trendQuery, end.minusWeeks(104), end, AdoptionService.Sample.ALL);
            List<String> days = new ArrayList<>();
            List<Long> values = new ArrayList<>();
            for (AdoptionService.Point p : series.points()) {
                days.add(p.day().toString());
                values.add(
                        p.adoption().coverage().empty()
                                ? null
                                : Math.round(p.adoption().total()));
            }
            grid.add(new ChartPanel(
                    "entity-trend",
                    getTranslation("entity.trend"),
                    ChartOptions.line(days, values, getTranslation("metric.downloads-30d")),
                    new Caption(adoption.asOf(trendQuery, end))));
        }
        Adoption licences = adoption.asOf(
                new Adoption.Query(
                        Adoption.Metric.MODELS, Adoption.Dimension.LICENCE_CLASS, Adoption.View.LINEAGE, only, 20),
                at);
        grid.add(new ChartPanel(
                "entity-licences",
                getTranslation("entity.licences"),
                ChartOptions.figures(
                        "pie",
                        licences.figures(),
                        getTranslation("metric.models"),
                        java.util.function.Function.identity(),
                        false),
                new Caption(licences)));
        add(grid);
        ModelSearch.Result models = search.search(new ModelSearch.Query("", only, Adoption.View.LINEAGE, 0, 100));
        Paragraph count = new Paragraph(getTranslation("entity.models", models.total()));
        count.setId("entity-models-count");
        add(count, modelGrid(models.models()));
        long derivatives = models.models().stream()
                .limit(20)
                .mapToLong(m -> search.derivatives(m.repoId(), 0).total())
                .sum();
        Paragraph derived = new Paragraph(getTranslation("entity.derivatives", derivatives));
        derived.setId("entity-derivatives");
        add(derived);
    }

    private Grid<CatalogueModel> modelGrid(List<CatalogueModel> models) {
        Grid<CatalogueModel> grid = new Grid<>();
        grid.setId("entity-models");
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addComponentColumn(m -> new Anchor(ModelView.path(m), m.repoId()))
                .setHeader(getTranslation("models.model"))
                .setFlexGrow(3);
        grid.addColumn(CatalogueModel::hub).setHeader(getTranslation("dimension.hub"));
        ModelColumns.downloads(grid, getTranslation("models.downloads"), getLocale());
        grid.setItems(models);
        grid.setHeight("50vh");
        return grid;
    }
}
