package org.weightscope.dashboard;

import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.weightscope.catalogue.OriginCredit;
import org.weightscope.usage.RouterUsageService;
import org.weightscope.usage.TokenShare;

/**
 * OpenRouter tokens by origin for a day or an ISO week, either origin view. The long tail ("other") is its
 * own last row, never folded into a country; OpenRouter's citation and caveats are shown with the table.
 */
@Route(value = "router-usage", layout = MainLayout.class)
@AnonymousAllowed
@PageTitle("Router token share · Weightscope")
public class RouterUsageView extends VerticalLayout {

    /** One table row: an origin, or the long tail. */
    record Row(String origin, BigDecimal tokens, double share) {}

    private final RouterUsageService usage;
    private final DatePicker day = new DatePicker();
    private final Select<String> window = new Select<>();
    private final Select<String> view = new Select<>();
    private final Grid<Row> grid = new Grid<>();
    private final Paragraph citation = new Paragraph();
    private final Paragraph caveat = new Paragraph();

    RouterUsageView(RouterUsageService usage, Clock clock) {
        this.usage = usage;
        setSizeFull();
        add(new H2(getTranslation("usage.title")));
        day.setLabel(getTranslation("usage.day"));
        day.setId("usage-day");
        day.setLocale(java.util.Locale.CANADA); // yyyy-mm-dd in every UI language
        // the newest day with data; with none, today, and the view says how data is obtained
        day.setValue(usage.latestDay().orElse(LocalDate.now(clock)));
        window.setLabel(getTranslation("usage.window"));
        window.setItems(RouterUsageService.DAY, RouterUsageService.WEEK);
        window.setItemLabelGenerator(w -> getTranslation("usage.window." + w));
        view.setItemLabelGenerator(v -> getTranslation("view." + v));
        window.setValue(RouterUsageService.DAY);
        view.setLabel(getTranslation("usage.view"));
        view.setItems(OriginCredit.LINEAGE, OriginCredit.UPLOADER);
        view.setValue(OriginCredit.LINEAGE);
        day.addValueChangeListener(e -> refresh());
        window.addValueChangeListener(e -> refresh());
        view.addValueChangeListener(e -> refresh());
        grid.setId("router-usage-grid");
        grid.addColumn(r -> TokenShare.LONG_TAIL.equals(r.origin())
                        ? getTranslation("usage.longTail")
                        : Numbers.label(r.origin(), this))
                .setHeader(getTranslation("usage.origin"))
                .setFlexGrow(2);
        grid.addColumn(r -> Numbers.integer(r.tokens().doubleValue(), getLocale()))
                .setHeader(getTranslation("usage.tokens"));
        grid.addColumn(r -> Numbers.percent(r.share())).setHeader(getTranslation("usage.share"));
        grid.setAllRowsVisible(true);
        add(new HorizontalLayout(day, window, view), grid, citation, caveat);
        refresh();
    }

    private void refresh() {
        if (day.getValue() == null) return;
        TokenShare s = RouterUsageService.WEEK.equals(window.getValue())
                ? usage.weekly(day.getValue(), view.getValue())
                : usage.daily(day.getValue(), view.getValue());
        List<Row> rows = new ArrayList<>();
        s.byOrigin().forEach(o -> rows.add(new Row(o.origin(), o.tokens(), o.share())));
        if (!s.empty())
            rows.add(new Row(TokenShare.LONG_TAIL, BigDecimal.valueOf(s.longTailTokens()), s.longTailShare()));
        grid.setItems(rows);
        citation.setId("usage-citation");
        citation.setText(
                s.empty()
                        ? getTranslation("usage.empty")
                                + (usage.latestDay().isEmpty() ? " " + getTranslation("usage.howObtained") : "")
                        : s.citation() + " (" + s.from() + " – " + s.to() + ", "
                                + getTranslation("caption.line.view", getTranslation("view." + s.view())) + ", "
                                + s.ruleVersion() + ")");
        caveat.setText(getTranslation("usage.caveat"));
    }
}
