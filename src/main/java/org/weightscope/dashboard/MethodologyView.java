package org.weightscope.dashboard;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.weightscope.catalogue.Adoption;
import org.weightscope.catalogue.AdoptionService;

/** How each metric and attribution view is defined, with versions, and what the data cannot show. */
@AnonymousAllowed
@Route(value = "methodology", layout = MainLayout.class)
@PageTitle("Methodology · Weightscope")
public class MethodologyView extends VerticalLayout {

    MethodologyView(AdoptionService adoption) {
        setMaxWidth("900px");
        add(new H2(getTranslation("methodology.title")));
        String lang = getLocale().getLanguage().equals("zh") ? "zh" : "en";
        for (String block : text(lang).split("\n\n")) {
            if (block.startsWith("# ")) {
                add(new H3(block.substring(2).trim()));
            } else if (!block.isBlank()) {
                add(new Paragraph(block.trim()));
            }
        }
        add(new H3(getTranslation("caption.metric")));
        for (Adoption.Metric m : Adoption.Metric.values()) {
            add(new Paragraph(m.id() + " v" + m.version() + ": " + Caption.definition(this, m)));
        }
        Paragraph rule = new Paragraph(getTranslation("caption.rule") + ": " + adoption.ruleVersion());
        rule.setId("rule-version");
        add(rule);
    }

    private static String text(String lang) {
        try (InputStream in = MethodologyView.class.getResourceAsStream("/methodology/methodology." + lang + ".txt")) {
            return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
