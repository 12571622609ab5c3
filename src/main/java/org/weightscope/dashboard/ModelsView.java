package org.weightscope.dashboard;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.weightscope.catalogue.Adoption;
import org.weightscope.catalogue.CatalogueModel;
import org.weightscope.catalogue.ModelSearch;

/** Full-text search over the catalogue with facets; the query and facets live in the URL. */
@AnonymousAllowed
@Route(value = "models", layout = MainLayout.class)
@PageTitle("Models · Weightscope")
public class ModelsView extends VerticalLayout implements BeforeEnterObserver {

    static final List<Adoption.Dimension> FACETS = List.of(
            Adoption.Dimension.ORIGIN,
            Adoption.Dimension.ORGANISATION,
            Adoption.Dimension.LICENCE_CLASS,
            Adoption.Dimension.HARDWARE_CLASS,
            Adoption.Dimension.SECTOR,
            Adoption.Dimension.HUB);

    private final ModelSearch search;
    private final TextField text = new TextField();
    private final VerticalLayout facets = new VerticalLayout();
    private final VerticalLayout results = new VerticalLayout();
    private Map<Adoption.Dimension, List<String>> selected = Map.of();
    private boolean updating;

    ModelsView(ModelSearch search) {
        this.search = search;
        setSizeFull();
        add(new H2(getTranslation("nav.models")));
        text.setPlaceholder(getTranslation("models.search"));
        text.setId("search");
        text.setWidth("32em");
        text.setMaxWidth("100%");
        text.setValueChangeMode(ValueChangeMode.LAZY);
        text.addValueChangeListener(e -> {
            if (!updating) {
                navigate(e.getValue(), selected);
            }
        });
        add(text);
        facets.setWidth("20em");
        facets.setPadding(false);
        results.setPadding(false);
        facets.setMaxWidth("100%");
        results.setMinWidth("0");
        HorizontalLayout body = new HorizontalLayout(facets, results);
        body.setWidthFull();
        body.getStyle().set("flex-wrap", "wrap");
        body.expand(results);
        add(body);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Map<String, List<String>> p = event.getLocation().getQueryParameters().getParameters();
        String q = p.getOrDefault("q", List.of("")).get(0);
        Map<Adoption.Dimension, List<String>> filters = new LinkedHashMap<>();
        for (Adoption.Dimension d : FACETS) {
            List<String> v = p.get(d.id());
            if (v != null && !v.isEmpty() && !v.get(0).isBlank()) {
                filters.put(d, Arrays.asList(v.get(0).split(",")));
            }
        }
        selected = filters;
        updating = true;
        text.setValue(q);
        updating = false;
        ModelSearch.Result r = search.search(new ModelSearch.Query(q, filters, Adoption.View.LINEAGE, 0, 100));
        String suggestion = null;
        if (r.total() == 0 && !q.isBlank()) {
            // nothing found: the same search with every word two edits away, and the nearest word as a suggestion
            ModelSearch.Result fuzzy =
                    search.search(new ModelSearch.Query(DidYouMean.fuzzy(q), filters, Adoption.View.LINEAGE, 0, 100));
            suggestion = DidYouMean.suggest(
                            q,
                            fuzzy.models().stream().map(CatalogueModel::repoId).toList())
                    .orElse(null);
            if (suggestion != null) {
                r = fuzzy;
            }
        }
        renderFacets(r, q);
        renderResults(r, suggestion, filters);
    }

    private void renderFacets(ModelSearch.Result r, String q) {
        facets.removeAll();
        for (Adoption.Dimension d : FACETS) {
            List<ModelSearch.Facet> values = r.facets().getOrDefault(d.id(), List.of());
            if (values.isEmpty()) {
                continue;
            }
            CheckboxGroup<String> group = new CheckboxGroup<>(getTranslation("dimension." + d.id())
                    + (d == Adoption.Dimension.ORIGIN ? " (" + getTranslation("view.lineage") + ")" : ""));
            group.setId("facet-" + d.id());
            Map<String, Long> counts = new LinkedHashMap<>();
            values.forEach(f -> counts.put(f.key(), f.count()));
            selected.getOrDefault(d, List.of()).forEach(k -> counts.putIfAbsent(k, 0L));
            group.setItems(counts.keySet());
            group.setItemLabelGenerator(
                    k -> (d == Adoption.Dimension.ORIGIN ? Numbers.label(k, this) : Numbers.classLabel(k, this)) + " ("
                            + counts.get(k) + ")");
            group.setValue(new java.util.HashSet<>(selected.getOrDefault(d, List.of())));
            group.addValueChangeListener(e -> {
                if (!e.isFromClient()) {
                    return;
                }
                Map<Adoption.Dimension, List<String>> next = new LinkedHashMap<>(selected);
                if (e.getValue().isEmpty()) {
                    next.remove(d);
                } else {
                    next.put(d, new ArrayList<>(e.getValue()));
                }
                navigate(q, next);
            });
            facets.add(group);
        }
    }

    private void renderResults(ModelSearch.Result r, String suggestion, Map<Adoption.Dimension, List<String>> filters) {
        results.removeAll();
        Span count = new Span(getTranslation("models.results", r.total()));
        count.setId("result-count");
        results.add(count);
        if (suggestion != null) {
            Map<String, String> p = new LinkedHashMap<>(Map.of("q", suggestion));
            filters.forEach((d, v) -> p.put(d.id(), String.join(",", v)));
            Anchor mean = new Anchor(
                    "models?" + QueryParameters.simple(p).getQueryString(),
                    getTranslation("models.didYouMean", suggestion));
            mean.setId("did-you-mean");
            results.add(mean);
        }
        Grid<CatalogueModel> grid = new Grid<>();
        grid.setId("models-grid");
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addComponentColumn(m -> {
                    Anchor a = new Anchor(ModelView.path(m), m.repoId());
                    a.setTitle(m.repoId());
                    a.getStyle().set("overflow-wrap", "anywhere");
                    return a;
                })
                .setHeader(getTranslation("models.model"))
                .setComparator(CatalogueModel::repoId)
                .setSortable(true)
                .setFlexGrow(3)
                .setKey("model");
        grid.addColumn(CatalogueModel::hub)
                .setHeader(getTranslation("dimension.hub"))
                .setSortable(true)
                .setKey("hub");
        sortable(grid, m -> nullToDash(m.attribution().uploaderOrg()), "models.organisation");
        sortable(
                grid,
                m -> Numbers.origins(m.attribution().uploaderOrigin(), this) + " / "
                        + Numbers.origins(m.attribution().lineageCountries(), this),
                "models.origin");
        sortable(
                grid,
                m -> Numbers.classLabel(m.attribution().licence().id(), this) + " ("
                        + Numbers.classLabel(m.attribution().licence().clazz(), this) + ")",
                "models.licence");
        sortable(grid, m -> Numbers.classLabel(m.attribution().hardware().clazz(), this), "models.hardware");
        ModelColumns.downloads(grid, getTranslation("models.downloads"), getLocale())
                .setKey("downloads");
        grid.setItems(r.models());
        grid.setHeight("70vh");
        results.add(grid);
        if (r.asOf() != null) {
            results.add(new Span(getTranslation("caption.asOf") + " " + Caption.day(r.asOf())));
        }
    }

    private void sortable(
            Grid<CatalogueModel> grid, java.util.function.Function<CatalogueModel, String> value, String header) {
        grid.addColumn(m -> m.attribution() == null ? "" : value.apply(m))
                .setHeader(getTranslation(header))
                .setComparator(m -> m.attribution() == null ? "" : value.apply(m))
                .setSortable(true)
                .setKey(header);
    }

    private void navigate(String q, Map<Adoption.Dimension, List<String>> filters) {
        Map<String, String> p = new LinkedHashMap<>();
        if (q != null && !q.isBlank()) {
            p.put("q", q);
        }
        filters.forEach((d, v) -> p.put(d.id(), String.join(",", v)));
        UI.getCurrent().navigate(ModelsView.class, QueryParameters.simple(p));
    }

    private static String nullToDash(String s) {
        return s == null ? "—" : s;
    }
}
