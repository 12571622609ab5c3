package org.weightscope.dashboard;

import com.vaadin.flow.component.grid.Grid;
import java.util.Locale;
import org.weightscope.catalogue.CatalogueModel;

/** Columns that every grid of catalogue models shows the same way. */
final class ModelColumns {

    private ModelColumns() {}

    /** The hub's 30-day downloads, in the page's locale, sortable (a model without a count sorts last). */
    static Grid.Column<CatalogueModel> downloads(Grid<CatalogueModel> grid, String header, Locale locale) {
        return grid.addColumn(m -> {
                    Long n = m.figures().downloads30d();
                    return n == null ? "" : Numbers.integer(n, locale);
                })
                .setHeader(header)
                .setComparator(m -> {
                    Long n = m.figures().downloads30d();
                    return n == null ? -1L : n;
                })
                .setSortable(true);
    }
}
