package org.weightscope.dashboard;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.weightscope.exposure.ExposureReport;

/** The exposure report by business unit: components, weight, resolved, and the weight exposed to the chosen origin. */
final class ExposureUnits {

    record Unit(String name, int components, int resolved, double weight, double exposed, double share) {}

    private ExposureUnits() {}

    static List<Unit> units(ExposureReport r, String origin) {
        Map<String, double[]> by = new LinkedHashMap<>();
        for (ExposureReport.Component c : r.components()) {
            String unit = c.businessUnit() == null || c.businessUnit().isBlank() ? "—" : c.businessUnit();
            double[] u = by.computeIfAbsent(unit, k -> new double[4]);
            u[0]++;
            u[1] += c.resolved() ? 1 : 0;
            u[2] += c.weight();
            if (origin != null && c.lineageOrigin() != null) {
                u[3] += c.weight()
                        * c.lineageOrigin().stream()
                                .filter(o -> origin.equals(o.country()))
                                .mapToDouble(o -> o.share())
                                .sum();
            }
        }
        return by.entrySet().stream()
                .map(e -> new Unit(
                        e.getKey(),
                        (int) e.getValue()[0],
                        (int) e.getValue()[1],
                        e.getValue()[2],
                        e.getValue()[3],
                        e.getValue()[2] == 0 ? 0 : e.getValue()[3] / e.getValue()[2]))
                .toList();
    }

    static Grid<Unit> grid(ExposureReport r, String origin, Component in) {
        Grid<Unit> grid = new Grid<>();
        grid.setId("exposure-units");
        grid.addColumn(Unit::name).setHeader(in.getTranslation("exposure.unit")).setFlexGrow(2);
        grid.addColumn(Unit::components).setHeader(in.getTranslation("exposure.components"));
        grid.addColumn(Unit::resolved).setHeader(in.getTranslation("exposure.status.resolved"));
        grid.addColumn(u -> org.weightscope.shared.CsvWriter.number(u.weight()))
                .setHeader(in.getTranslation("exposure.weight"));
        grid.addColumn(u -> Numbers.percent(u.share()))
                .setHeader(in.getTranslation("exposure.exposedTo", origin == null ? "—" : origin));
        grid.setItems(units(r, origin));
        grid.setAllRowsVisible(true);
        return grid;
    }
}
