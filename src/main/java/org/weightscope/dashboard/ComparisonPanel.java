package org.weightscope.dashboard;

import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import org.weightscope.catalogue.Adoption;
import org.weightscope.catalogue.AdoptionService;

/**
 * "How this compares": each public study's published figure beside ours for the nearest comparable definition
 * (the same origin view, our 30-day window as of the day), with who counted what and why the figures differ.
 */
class ComparisonPanel extends Details {

    ComparisonPanel(AdoptionService adoption, LocalDate at) {
        setSummaryText(getTranslation("compare.title"));
        setId("how-this-compares");
        setOpened(true);
        setWidthFull();
        Locale locale = Links.locale();
        VerticalLayout body = new VerticalLayout();
        body.setPadding(false);
        Map<String, Adoption> ours = Map.of(
                "uploader", adoption.asOf(query(Adoption.View.UPLOADER), at),
                "lineage", adoption.asOf(query(Adoption.View.LINEAGE), at));
        for (Studies.Study s : Studies.load().studies()) {
            Adoption a = ours.get(s.view());
            Div card = new Div();
            card.addClassName("study");
            card.getElement().setAttribute("data-study", s.id());
            Anchor title = new Anchor(s.url(), s.title());
            title.setTarget(AnchorTarget.BLANK);
            title.getElement().setAttribute("lang", "en"); // a publication's own title, not a UI string
            card.add(new H4(title));
            card.add(new Paragraph(getTranslation(
                    "compare.who",
                    s.by(),
                    Studies.Study.text(s.period(), locale),
                    Studies.Study.text(s.counted(), locale))));
            Paragraph theirs =
                    new Paragraph(getTranslation("compare.theirs", Studies.Study.text(s.statement(), locale)));
            theirs.addClassName("study-theirs");
            card.add(theirs);
            Paragraph mine = new Paragraph(ours(a, s));
            mine.addClassName("study-ours");
            card.add(mine);
            card.add(new Paragraph(getTranslation("compare.differs", Studies.Study.text(s.differs(), locale))));
            card.add(new Paragraph(getTranslation("compare.source", s.url())));
            card.getStyle().set("font-size", "var(--lumo-font-size-s)").set("overflow-wrap", "anywhere");
            body.add(card);
        }
        add(body);
    }

    private String ours(Adoption a, Studies.Study s) {
        if (a.at() == null || a.coverage().empty()) {
            return getTranslation("compare.oursNone");
        }
        double cn = share(a, "CN");
        double us = share(a, "US");
        String two = cn + us > 0 ? Numbers.percent(cn / (cn + us)) : "—";
        return getTranslation(
                "compare.ours",
                getTranslation("view." + s.view()),
                a.at().toString(),
                Numbers.integer(a.coverage().models(), getLocale()),
                Numbers.percent(cn),
                Numbers.percent(us),
                two);
    }

    private static Adoption.Query query(Adoption.View view) {
        return new Adoption.Query(Adoption.Metric.DOWNLOADS_30D, Adoption.Dimension.ORIGIN, view, Map.of(), 100);
    }

    static double share(Adoption a, String key) {
        return a.figures().stream()
                .filter(f -> f.key().equals(key))
                .mapToDouble(Adoption.Figure::share)
                .findFirst()
                .orElse(0);
    }
}
