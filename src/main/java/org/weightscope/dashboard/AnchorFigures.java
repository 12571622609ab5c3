package org.weightscope.dashboard;

import com.vaadin.flow.component.HasComponents;
import com.vaadin.flow.component.html.Paragraph;
import java.util.Locale;
import java.util.stream.Collectors;
import org.weightscope.catalogue.Adoption;
import org.weightscope.catalogue.AnchorMetrics;

/** What the explorer adds beside a figure of the anchors' metrics: the flagged share, derivatives by relation. */
final class AnchorFigures {

    private AnchorFigures() {}

    static void addTo(HasComponents into, AnchorMetrics anchors, Adoption.Query q, Adoption a) {
        AnchorMetrics.Flagged flagged = anchors.flagged(a, q);
        Paragraph probe = new Paragraph();
        if (flagged != null) {
            String byFlag = flagged.byFlag().entrySet().stream()
                    .map(e -> e.getKey() + " " + Numbers.percent(e.getValue()))
                    .collect(Collectors.joining(", "));
            Paragraph p =
                    new Paragraph(probe.getTranslation("explorer.flagged", Numbers.percent(flagged.share()), byFlag));
            p.setId("flagged-share");
            into.add(p);
        }
        if (q.metric() == Adoption.Metric.DERIVATIVES && a.at() != null) {
            String relations =
                    anchors.relations(new AnchorMetrics.Options(q, null, null, null), a.at()).entrySet().stream()
                            .map(e -> e.getKey() + " " + String.format(Locale.ROOT, "%.0f", e.getValue()))
                            .collect(Collectors.joining(", "));
            Paragraph p = new Paragraph(probe.getTranslation("explorer.relations", relations));
            p.setId("derivative-relations");
            into.add(p);
        }
    }
}
