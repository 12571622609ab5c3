package org.weightscope.dashboard;

import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;

/**
 * A page built anew on every navigation to it, from its route and query parameters, and titled by what it shows
 * (the browser's tab, history and bookmarks name the dashboard, country or model).
 */
abstract class RebuiltPage extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private String title;

    RebuiltPage(String maxWidth, String title) {
        this.title = title;
        setMaxWidth(maxWidth);
    }

    @Override
    public final void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        build(event);
    }

    /** Adds what this navigation shows (the page is empty); names it with {@link #title(String)}. */
    abstract void build(BeforeEnterEvent event);

    void title(String title) {
        this.title = title;
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}
