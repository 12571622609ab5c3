package org.weightscope.dashboard;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.weightscope.catalogue.Adoption;
import org.weightscope.catalogue.EventFeed;
import org.weightscope.catalogue.ModelEvent;

/** Releases and licence changes, newest first, filterable by type and origin; each with its Atom feed. */
@Route(value = "events", layout = MainLayout.class)
@AnonymousAllowed
@PageTitle("Releases & licence changes · Weightscope")
public class EventsView extends VerticalLayout implements BeforeEnterObserver {

    static final List<String> TYPES =
            List.of(ModelEvent.RELEASE, ModelEvent.LICENCE_CHANGE, ModelEvent.GATED_CHANGE, ModelEvent.REMOVED);
    private final EventFeed feed;
    private final Select<String> type = new Select<>();
    private final TextField origin = new TextField();
    private final VerticalLayout list = new VerticalLayout();
    private boolean updating;

    EventsView(EventFeed feed) {
        this.feed = feed;
        setSizeFull();
        add(new H2(getTranslation("nav.events")));
        type.setLabel(getTranslation("events.type"));
        type.setItems(TYPES);
        type.setItemLabelGenerator(t -> getTranslation("events." + t));
        type.setId("event-type");
        origin.setLabel(getTranslation("explorer.filterOrigin") + " (" + getTranslation("view.lineage") + ")");
        origin.setPlaceholder("CN");
        origin.setMaxLength(12);
        origin.setId("event-origin");
        HorizontalLayout controls = new HorizontalLayout(type, origin);
        controls.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        add(controls, list);
        list.setPadding(false);
        list.setSizeFull();
        type.addValueChangeListener(e -> navigate());
        origin.addValueChangeListener(e -> navigate());
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Map<String, List<String>> p = event.getLocation().getQueryParameters().getParameters();
        String t = p.getOrDefault("type", List.of(ModelEvent.RELEASE)).get(0);
        if (!TYPES.contains(t)) {
            t = ModelEvent.RELEASE;
        }
        String o = p.getOrDefault("origin", List.of("")).get(0).trim();
        o = o.isEmpty() || o.equals("unattributed") ? o : o.toUpperCase(Locale.ROOT);
        updating = true;
        type.setValue(t);
        origin.setValue(o);
        updating = false;
        render(t, o.isEmpty() ? null : o);
    }

    private void navigate() {
        if (updating || type.isEmpty()) {
            return;
        }
        Map<String, String> p = new LinkedHashMap<>();
        p.put("type", type.getValue());
        if (!origin.getValue().isBlank()) {
            p.put("origin", origin.getValue().trim());
        }
        UI.getCurrent().navigate(EventsView.class, QueryParameters.simple(p));
    }

    private void render(String t, String o) {
        list.removeAll();
        EventFeed.Filter filter = new EventFeed.Filter(t, o, Adoption.View.LINEAGE, null, null, null, null);
        List<ModelEvent> events = feed.recent(filter, 200);
        Grid<ModelEvent> grid = new Grid<>();
        grid.setId("events-grid");
        grid.addColumn(e -> Caption.day(e.at()))
                .setHeader(getTranslation("events.at"))
                .setAutoWidth(true);
        grid.addComponentColumn(e -> new Anchor(ModelView.path(e.hub(), e.repoId()), e.repoId()))
                .setHeader(getTranslation("events.model"))
                .setFlexGrow(3);
        grid.addColumn(e ->
                        Numbers.origins(e.uploaderOrigin(), this) + " / " + Numbers.origins(e.lineageCountries(), this))
                .setHeader(getTranslation("models.origin"));
        grid.addColumn(e ->
                        e.oldValue() == null && e.newValue() == null ? "" : nz(e.oldValue()) + " → " + nz(e.newValue()))
                .setHeader(getTranslation("events.change"));
        grid.addColumn(e -> e.recorded() ? e.source() : e.runId()).setHeader(getTranslation("caption.asOf"));
        grid.setItems(events);
        grid.setHeight("65vh");
        String feedName = t.equals(ModelEvent.RELEASE)
                ? "releases"
                : t.equals(ModelEvent.LICENCE_CHANGE)
                        ? "licence-changes"
                        : t.equals(ModelEvent.GATED_CHANGE) ? "gated-changes" : "removed";
        Anchor atom = new Anchor(
                "feeds/" + feedName + ".atom" + (o == null ? "" : "?origin=" + o), getTranslation("events.feed"));
        atom.setId("events-feed");
        Span total = new Span(
                feed.count(filter) + " · " + getTranslation("caption.asOf") + " " + Caption.day(feed.newest()));
        total.setId("events-total");
        list.add(new HorizontalLayout(total, atom), grid);
    }

    private static String nz(String s) {
        return s == null ? "∅" : s;
    }
}
