package org.weightscope.dashboard;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import java.time.LocalDate;
import java.util.Map;
import org.weightscope.catalogue.Adoption;
import org.weightscope.catalogue.AdoptionService;
import org.weightscope.catalogue.Coverage;

/**
 * The answer first: one sentence generated from the same answers as the pies (30-day downloads by origin, both
 * views, as of the day), its warnings, and a citation to copy that ends with the permalink.
 */
class AnswerPanel extends VerticalLayout {

    AnswerPanel(AdoptionService adoption, LocalDate at) {
        setId("answer");
        setPadding(false);
        setSpacing(false);
        Adoption lineage = adoption.asOf(query(Adoption.View.LINEAGE), at);
        Adoption uploader = adoption.asOf(query(Adoption.View.UPLOADER), at);
        Paragraph sentence = new Paragraph();
        sentence.setId("answer-sentence");
        sentence.getStyle().set("font-size", "var(--lumo-font-size-l)").set("margin", "0");
        if (lineage.at() == null || lineage.coverage().empty()) {
            sentence.setText(getTranslation("answer.noData"));
            add(sentence);
            return;
        }
        Coverage c = lineage.coverage();
        sentence.setText(getTranslation(
                "answer.sentence",
                lineage.at().toString(),
                Numbers.integer(c.models(), getLocale()),
                getTranslation(
                        "answer.coverage",
                        c.capturedFrom().toString(),
                        c.capturedTo().toString(),
                        String.join(
                                ", ",
                                c.captureKinds().stream()
                                        .map(k -> getTranslation("kind." + k))
                                        .toList())),
                share(lineage, "CN"),
                share(lineage, "US"),
                share(uploader, "CN"),
                share(uploader, "US")));
        add(sentence);
        Caption caption = new Caption(lineage);
        caption.getChildren()
                .filter(ch -> ch.getElement().getClassList().contains("coverage-warning"))
                .forEach(w -> add(w));
        String permalink = Links.permalink("/", Map.of("at", lineage.at().toString()), this);
        String citation = "\u201c" + sentence.getText() + "\u201d " + Caption.citation(lineage) + ". " + permalink;
        TextArea cite = new TextArea(getTranslation("answer.cite"));
        cite.setId("answer-citation");
        cite.setValue(citation);
        cite.setReadOnly(true);
        cite.setWidthFull();
        Button copy = new Button(
                getTranslation("answer.copy"),
                e -> cite.getElement().executeJs("navigator.clipboard && navigator.clipboard.writeText($0)", citation));
        copy.setId("answer-copy");
        copy.addThemeVariants(ButtonVariant.LUMO_SMALL);
        add(cite, copy);
        getStyle()
                .set("border-left", "4px solid var(--lumo-primary-color)")
                .set("padding", "var(--lumo-space-s) var(--lumo-space-m)")
                .set("box-sizing", "border-box");
    }

    private static Adoption.Query query(Adoption.View view) {
        return new Adoption.Query(Adoption.Metric.DOWNLOADS_30D, Adoption.Dimension.ORIGIN, view, Map.of(), 100);
    }

    private static String share(Adoption a, String origin) {
        return Numbers.percent(a.figures().stream()
                .filter(f -> f.key().equals(origin))
                .mapToDouble(Adoption.Figure::share)
                .findFirst()
                .orElse(0));
    }
}
