package org.weightscope.dashboard;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.weightscope.catalogue.Attribution;
import org.weightscope.catalogue.CatalogueModel;
import org.weightscope.catalogue.ModelSearch;

/**
 * One model: its attributes, its lineage both ways (parents, roots, derivatives). Everything from a hub is
 * set as text, never as HTML, so a card containing markup or script is shown, not run.
 */
@AnonymousAllowed
@Route(value = "models/:hub/:id*", layout = MainLayout.class)
public class ModelView extends RebuiltPage {

    private final ModelSearch search;
    private final org.weightscope.catalogue.CatalogueHistory history;
    private final org.weightscope.catalogue.AnchorMetrics anchors;
    private final org.weightscope.catalogue.AdoptionService adoption;

    ModelView(
            ModelSearch search,
            org.weightscope.catalogue.CatalogueHistory history,
            org.weightscope.catalogue.AnchorMetrics anchors,
            org.weightscope.catalogue.AdoptionService adoption) {
        super("1100px", "Model · Weightscope");
        this.search = search;
        this.history = history;
        this.anchors = anchors;
        this.adoption = adoption;
    }

    static String path(CatalogueModel m) {
        return path(m.hub(), m.repoId());
    }

    static String path(String hub, String repoId) {
        StringBuilder p = new StringBuilder("models/").append(hub);
        for (String part : repoId.split("/")) {
            p.append('/').append(URLEncoder.encode(part, StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return p.toString();
    }

    @Override
    void build(BeforeEnterEvent event) {
        String hub = event.getRouteParameters().get("hub").orElse("huggingface");
        String id = event.getRouteParameters().get("id").orElse("");
        CatalogueModel m =
                search.find(hub.equals("hf") ? "huggingface" : hub, id).orElse(null);
        if (m == null) {
            add(new H2(id), new Paragraph(getTranslation("model.notFound")));
            return;
        }
        title(m.repoId() + " · Weightscope");
        H2 name = new H2(m.repoId());
        name.setId("model-name");
        add(name);
        Attribution a = m.attribution();
        Div attrs = new Div();
        attrs.setId("model-attributes");
        line(
                attrs,
                getTranslation("models.organisation"),
                a.uploaderOrg() == null ? Attribution.UNATTRIBUTED : a.uploaderOrg());
        line(attrs, getTranslation("view.uploader"), String.join(", ", a.uploaderOrigin()));
        line(
                attrs,
                getTranslation("view.lineage"),
                a.lineageOrigin().stream()
                                .map(s ->
                                        s.country() + (s.share() < 1 ? " (" + Math.round(100 * s.share()) + "%)" : ""))
                                .collect(java.util.stream.Collectors.joining(", "))
                        + (a.lineage() != null && a.lineage().inferred()
                                ? " — "
                                        + getTranslation(
                                                "model.inferredFrom",
                                                a.lineage().inferredFrom())
                                : ""));
        Attribution.Licence lic = a.licence();
        line(
                attrs,
                getTranslation("models.licence"),
                Numbers.classLabel(lic.id(), this) + " — " + Numbers.classLabel(lic.clazz(), this)
                        + (lic.osi() ? ", OSI" : "")
                        + " (" + lic.source() + ")"
                        + (lic.effectiveVia() == null || lic.effectiveClass().equals(lic.clazz())
                                ? ""
                                : " — "
                                        + getTranslation(
                                                "model.effectiveLicence", lic.effectiveClass(), lic.effectiveVia())));
        Attribution.Hardware hw = a.hardware();
        line(
                attrs,
                getTranslation("models.hardware"),
                Numbers.classLabel(hw.clazz(), this)
                        + (hw.weightsBytes() == null
                                ? ""
                                : " — "
                                        + getTranslation(
                                                "model.weights",
                                                String.format("%,d", hw.weightsBytes()),
                                                hw.basis()
                                                        + (hw.quantisation() == null ? "" : ", " + hw.quantisation()),
                                                hw.estimated() ? getTranslation("model.estimated") : "")));
        line(
                attrs,
                getTranslation("models.sectors"),
                String.join(
                        ", ",
                        a.sectors().stream()
                                .map(k -> Numbers.classLabel(k, this))
                                .toList()));
        line(
                attrs,
                getTranslation("models.downloads"),
                m.figures().downloads30d() == null
                        ? "—"
                        : String.format("%,d", m.figures().downloads30d()));
        line(
                attrs,
                getTranslation("caption.asOf"),
                Caption.day(m.asOf()) + (m.recorded() ? " (" + m.source() + ")" : ""));
        line(attrs, getTranslation("caption.rule"), a.ruleVersion());
        add(new H3(getTranslation("model.attributes")), attrs);

        add(new H3(getTranslation("model.lineage")));
        Div parents = new Div();
        parents.setId("model-parents");
        parents.add(new Span(getTranslation("model.parents") + ": "));
        for (Attribution.Parent p : a.lineage().parents()) {
            parents.add(new Anchor(path(m.hub(), p.repoId()), p.repoId()), new Span(" (" + p.relation() + ")  "));
        }
        Div roots = new Div(new Span(getTranslation("model.roots") + ": "));
        roots.setId("model-roots");
        for (String root : a.lineage().roots()) {
            roots.add(new Anchor(path(m.hub(), root), root), new Span("  "));
        }
        add(parents, roots);
        if (!a.lineage().issues().isEmpty()) {
            add(new Paragraph(getTranslation("model.issues") + ": "
                    + String.join("; ", a.lineage().issues())));
        }
        if (!a.notes().isEmpty()) {
            add(new Paragraph(String.join(" ", a.notes())));
        }
        ModelSearch.Result derivatives = search.derivatives(m.repoId(), 20);
        H3 dTitle = new H3(getTranslation("model.derivatives", derivatives.total()));
        dTitle.setId("derivative-count");
        add(dTitle);
        Div list = new Div();
        for (CatalogueModel d : derivatives.models()) {
            Div row = new Div(new Anchor(path(d), d.repoId()));
            list.add(row);
        }
        add(list);
        java.util.List<org.weightscope.catalogue.ModelSnapshot> snapshots = history.snapshots(m.id(), 400);
        if (!snapshots.isEmpty()) {
            java.util.List<String> days =
                    snapshots.stream().map(x -> x.day().toString()).toList();
            java.util.List<Long> downloads =
                    snapshots.stream().map(x -> x.downloads30d()).collect(java.util.stream.Collectors.toList());
            add(new ChartPanel(
                    "download-history",
                    getTranslation("model.history"),
                    ChartOptions.line(days, downloads, getTranslation("metric.downloads-30d")),
                    new Caption(
                            snapshots.get(snapshots.size() - 1).day().toString(),
                            "downloads-30d",
                            org.weightscope.catalogue.Adoption.Metric.DOWNLOADS_30D.version(),
                            getTranslation("view.uploader") + " + " + getTranslation("view.lineage"),
                            a.ruleVersion())));
        }
        add(new ModelMetricsPanel(anchors, adoption, m));
        java.util.List<org.weightscope.catalogue.ModelEvent> events = history.events(null, m.id(), 50);
        if (!events.isEmpty()) {
            Div timeline = new Div();
            timeline.setId("model-events");
            for (org.weightscope.catalogue.ModelEvent e : events) {
                timeline.add(new Div(new Span(Caption.day(e.at()) + " · " + e.type()
                        + (e.oldValue() == null && e.newValue() == null
                                ? ""
                                : ": " + e.oldValue() + " → " + e.newValue())
                        + (e.recorded() ? " (" + e.source() + ")" : ""))));
            }
            add(new H3(getTranslation("model.events")), timeline);
        }
        if (m.facts() != null
                && m.facts().cardText() != null
                && !m.facts().cardText().isBlank()) {
            Pre card = new Pre(
                    m.facts().cardText().length() > 4000
                            ? m.facts().cardText().substring(0, 4000) + " …"
                            : m.facts().cardText());
            card.setId("model-card");
            card.getStyle()
                    .set("white-space", "pre-wrap")
                    .set("max-height", "30em")
                    .set("overflow", "auto");
            add(new H3(getTranslation("model.card")), card);
        }
    }

    private static void line(Div into, String label, String value) {
        Div row = new Div();
        Span l = new Span(label + ": ");
        l.getStyle().set("font-weight", "600");
        row.add(l, new Span(value));
        into.add(row);
    }
}
