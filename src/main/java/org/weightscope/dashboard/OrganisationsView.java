package org.weightscope.dashboard;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.weightscope.catalogue.Adoption;
import org.weightscope.catalogue.AdoptionService;
import org.weightscope.catalogue.AttributionRules;
import org.weightscope.catalogue.Organization;

/** The organisation registry: who is attributed to which country, on what evidence, and their share. */
@AnonymousAllowed
@Route(value = "organisations", layout = MainLayout.class)
@PageTitle("Organisations · Weightscope")
public class OrganisationsView extends VerticalLayout {

    OrganisationsView(AttributionRules rules, AdoptionService adoption) {
        setSizeFull();
        add(new H2(getTranslation("nav.organisations")));
        Adoption shares = adoption.asOf(new Adoption.Query(
                Adoption.Metric.DOWNLOADS_30D,
                Adoption.Dimension.ORGANISATION,
                Adoption.View.UPLOADER,
                Map.of(),
                1000));
        Map<String, Double> share = new HashMap<>();
        shares.figures().forEach(f -> share.put(f.key(), f.share()));
        List<Organization> orgs = rules.current().registry().all().stream()
                .sorted((a, b) -> Double.compare(share.getOrDefault(b.id(), 0.0), share.getOrDefault(a.id(), 0.0)))
                .toList();
        Grid<Organization> grid = new Grid<>();
        grid.setId("organisations-grid");
        grid.addComponentColumn(o -> new Anchor("organisations/" + o.id(), o.name()))
                .setHeader(getTranslation("orgs.name"))
                .setFlexGrow(2)
                .setComparator(Organization::name)
                .setSortable(true);
        grid.addComponentColumn(o -> {
                    Div links = new Div();
                    o.countries().forEach(c -> links.add(new Anchor("countries/" + c, c), new Span(" ")));
                    return links;
                })
                .setHeader(getTranslation("orgs.country"))
                .setComparator(o -> String.join(", ", o.countries()))
                .setSortable(true);
        grid.addColumn(Organization::type)
                .setHeader(getTranslation("orgs.type"))
                .setSortable(true);
        grid.addColumn(Organization::role).setHeader(getTranslation("orgs.role"));
        grid.addColumn(o -> String.join(", ", o.namespaces().getOrDefault("huggingface", List.of())))
                .setHeader(getTranslation("orgs.namespaces"))
                .setFlexGrow(2);
        grid.addColumn(o -> Numbers.percent(share.getOrDefault(o.id(), 0.0)))
                .setHeader(getTranslation("orgs.share"))
                .setComparator(o -> share.getOrDefault(o.id(), 0.0));
        grid.addComponentColumn(o -> {
                    Div links = new Div();
                    o.evidence().forEach((country, url) -> {
                        Anchor a = new Anchor(url, country);
                        a.setTarget("_blank");
                        a.getElement().setAttribute("rel", "noopener noreferrer");
                        links.add(a, new Span(" "));
                    });
                    return links;
                })
                .setHeader(getTranslation("orgs.evidence"));
        grid.setItems(orgs);
        grid.setHeight("75vh");
        add(grid, new Caption(shares));
    }
}
