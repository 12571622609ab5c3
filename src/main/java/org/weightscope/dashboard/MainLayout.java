package org.weightscope.dashboard;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.dependency.CssImport;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.List;
import java.util.Locale;

/**
 * Navigation and the language switch (English / Simplified Chinese; the browser's choice by default).
 * Anonymous: Vaadin checks a route's parent layouts as well as the view, so a layout without an access
 * annotation would lock every view in it; admin views carry their own {@code @RolesAllowed}.
 */
@AnonymousAllowed
@CssImport("./weightscope.css")
public class MainLayout extends AppLayout {

    static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE);

    public MainLayout() {
        applyChosenLanguage();
        Span title = new Span(getTranslation("app.title"));
        title.getStyle().set("font-weight", "600").set("font-size", "var(--lumo-font-size-l)");
        Span tagline = new Span(getTranslation("app.tagline"));
        tagline.addClassName("app-tagline");
        tagline.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");

        Select<Locale> language = new Select<>();
        language.setId("language");
        language.setItems(LANGUAGES);
        language.setItemLabelGenerator(l -> l.getLanguage().equals("zh") ? "中文" : "English");
        language.setValue(LANGUAGES.stream()
                .filter(l -> l.getLanguage().equals(getLocale().getLanguage()))
                .findFirst()
                .orElse(Locale.ENGLISH));
        language.setAriaLabel(getTranslation("nav.language"));
        language.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                VaadinSession.getCurrent().setAttribute(Locale.class, e.getValue());
                VaadinSession.getCurrent().setLocale(e.getValue());
                // reload with lang= in the URL, so the choice survives a permalink (and a ?lang= already there)
                UI.getCurrent()
                        .getPage()
                        .executeJs(
                                "const u = new URL(location.href); u.searchParams.set('lang', $0);"
                                        + " location.href = u.toString();",
                                e.getValue().getLanguage());
            }
        });

        Anchor skip = new Anchor("#main-content", getTranslation("nav.skip"));
        skip.addClassName("skip-link");
        skip.setId("skip-link");
        skip.getElement()
                .addEventListener("click", e -> getContent().getElement().callJsFunction("focus"))
                .preventDefault();
        HorizontalLayout header = new HorizontalLayout(skip, new DrawerToggle(), title, tagline, language);
        header.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        header.expand(tagline);
        header.setWidthFull();
        header.getStyle().set("flex-wrap", "nowrap").set("min-width", "0");
        header.getStyle().set("padding-right", "var(--lumo-space-m)");
        addToNavbar(header);

        SideNav nav = new SideNav();
        nav.addItem(new SideNavItem(getTranslation("nav.overview"), DashboardView.class));
        nav.addItem(new SideNavItem(getTranslation("nav.explorer"), ExplorerView.class));
        nav.addItem(new SideNavItem(getTranslation("nav.models"), ModelsView.class));
        nav.addItem(new SideNavItem(getTranslation("nav.events"), EventsView.class));
        nav.addItem(new SideNavItem(getTranslation("nav.router-usage"), RouterUsageView.class));
        nav.addItem(new SideNavItem(getTranslation("nav.organisations"), OrganisationsView.class));
        nav.addItem(new SideNavItem(getTranslation("nav.exposure"), ExposureView.class));
        nav.addItem(new SideNavItem(getTranslation("nav.methodology"), MethodologyView.class));
        nav.addItem(new SideNavItem(getTranslation("nav.crawls"), CrawlStatusView.class));
        // by path: the admin module depends on this layout, not the other way round
        nav.addItem(new SideNavItem(getTranslation("nav.admin"), "admin"));
        nav.addItem(new SideNavItem(getTranslation("nav.alerts"), "admin/alerts"));
        addToDrawer(nav);
    }

    /** The view is the skip link's target. */
    @Override
    public void showRouterLayoutContent(com.vaadin.flow.component.HasElement content) {
        super.showRouterLayoutContent(content);
        if (getContent() != null) {
            if (getContent().getId().isEmpty()) {
                getContent().setId("main-content");
            }
            getContent().getElement().setAttribute("tabindex", "-1");
        }
    }

    private void applyChosenLanguage() {
        Locale chosen = VaadinSession.getCurrent() == null
                ? null
                : VaadinSession.getCurrent().getAttribute(Locale.class);
        if (chosen != null && UI.getCurrent() != null) {
            UI.getCurrent().setLocale(chosen);
        }
    }
}
