package org.weightscope.dashboard;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.weightscope.catalogue.Adoption;
import org.weightscope.catalogue.AdoptionService;
import org.weightscope.catalogue.EventFeed;
import org.weightscope.catalogue.ModelEvent;

/**
 * Share by origin as of the day and 30 days earlier, in both views, with the change — the same answers as the
 * pies beside it. A window without captures shows "no data" and no change, never 0 %.
 */
class HeadlinePanel extends VerticalLayout {

    record Row(String origin, Double uNow, Double uThen, Double lNow, Double lThen) {}

    HeadlinePanel(
            AdoptionService adoption, EventFeed events, DashboardDefinition.Panel panel, String title, LocalDate at) {
        setPadding(false);
        setId(panel.id());
        add(new H3(title));
        Adoption.Query uploader = new Adoption.Query(
                panel.metric(), Adoption.Dimension.ORIGIN, Adoption.View.UPLOADER, panel.filters(), 100);
        Adoption.Query lineage = new Adoption.Query(
                panel.metric(), Adoption.Dimension.ORIGIN, Adoption.View.LINEAGE, panel.filters(), 100);
        Adoption uNow = adoption.asOf(uploader, at);
        Adoption lNow = adoption.asOf(lineage, at);
        if (uNow.at() == null) {
            add(new Paragraph(getTranslation("caption.noDataShort")));
            return;
        }
        LocalDate now = uNow.at();
        LocalDate before = now.minusDays(30);
        Adoption uThen = adoption.asOf(uploader, before);
        Adoption lThen = adoption.asOf(lineage, before);
        Map<String, Double[]> rows = new LinkedHashMap<>();
        put(rows, lNow, 2);
        put(rows, uNow, 0);
        put(rows, uThen, 1);
        put(rows, lThen, 3);
        List<Row> table = rows.entrySet().stream()
                .map(e -> new Row(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2], e.getValue()[3]))
                .filter(r -> r.lNow() != null || r.uNow() != null)
                .limit(panel.top())
                .toList();
        boolean uEmpty = uThen.coverage().empty();
        boolean lEmpty = lThen.coverage().empty();
        Grid<Row> grid = new Grid<>();
        grid.setId(panel.id() + "-table");
        String then = getTranslation("headline.monthAgo", before.toString());
        var origin = grid.addColumn(r -> Numbers.label(r.origin(), this))
                .setHeader(getTranslation("dimension.origin"))
                .setFlexGrow(2)
                .setAutoWidth(true);
        var u1 = grid.addColumn(r -> pct(r.uNow(), false)).setHeader(now.toString());
        var u2 = grid.addColumn(r -> pct(r.uThen(), uEmpty)).setHeader(then);
        var u3 = grid.addColumn(r -> delta(r.uNow(), r.uThen(), uEmpty)).setHeader("Δ");
        var l1 = grid.addColumn(r -> pct(r.lNow(), false)).setHeader(now.toString());
        var l2 = grid.addColumn(r -> pct(r.lThen(), lEmpty)).setHeader(then);
        var l3 = grid.addColumn(r -> delta(r.lNow(), r.lThen(), lEmpty)).setHeader("Δ");
        var views = grid.prependHeaderRow();
        views.join(u1, u2, u3).setText(getTranslation("view.uploader.title"));
        views.join(l1, l2, l3).setText(getTranslation("view.lineage.title"));
        views.getCell(origin).setText("");
        for (var c : List.of(u1, u2, u3, l1, l2, l3)) {
            c.setAutoWidth(true);
        }
        grid.setItems(table);
        grid.setAllRowsVisible(true);
        add(grid, new Caption(lNow), new Caption(lThen));
        Instant to = now.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant from = to.minus(Duration.ofDays(30));
        Map<String, Long> releases = events.countByOrigin(
                new EventFeed.Filter(ModelEvent.RELEASE, null, Adoption.View.LINEAGE, null, null, from, to));
        long licenceChanges = events.count(
                new EventFeed.Filter(ModelEvent.LICENCE_CHANGE, null, Adoption.View.LINEAGE, null, null, from, to));
        Paragraph releaseLine = new Paragraph(getTranslation(
                "headline.releases",
                from.toString().substring(0, 10),
                now.toString(),
                releases.isEmpty()
                        ? "0"
                        : releases.entrySet().stream()
                                .map(e -> Numbers.label(e.getKey(), this) + " " + e.getValue())
                                .collect(Collectors.joining(", "))));
        releaseLine.setId(panel.id() + "-releases");
        Paragraph licenceLine = new Paragraph(getTranslation("headline.licenceChanges", licenceChanges));
        licenceLine.setId(panel.id() + "-licence-changes");
        add(releaseLine, licenceLine);
    }

    private static void put(Map<String, Double[]> rows, Adoption a, int column) {
        for (Adoption.Figure f : a.figures()) {
            rows.computeIfAbsent(f.key(), k -> new Double[4])[column] = f.share();
        }
    }

    /** A share; "no data" where the window had no capture; 0 % only where the origin had captures but no share. */
    private String pct(Double share, boolean noData) {
        if (noData) {
            return getTranslation("headline.noData");
        }
        return Numbers.percent(share == null ? 0 : share);
    }

    private String delta(Double now, Double then, boolean noData) {
        if (noData) {
            return "—";
        }
        double d = (now == null ? 0 : now) - (then == null ? 0 : then);
        return String.format(java.util.Locale.ROOT, "%+.1f pt", 100 * d);
    }
}
