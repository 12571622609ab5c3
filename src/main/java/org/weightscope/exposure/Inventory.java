package org.weightscope.exposure;

import java.util.List;

/**
 * A parsed inventory: the usable items and every problem met (row-level errors skip only their row).
 *
 * @param format cyclonedx-json, cyclonedx-xml or csv
 */
public record Inventory(List<InventoryItem> items, List<Problem> problems, String format) {

    public static final String CYCLONEDX_JSON = "cyclonedx-json";
    public static final String CYCLONEDX_XML = "cyclonedx-xml";
    public static final String CSV = "csv";

    public Inventory {
        items = List.copyOf(items);
        problems = List.copyOf(problems);
    }

    public List<Problem> errors() {
        return problems.stream().filter(p -> Problem.ERROR.equals(p.severity())).toList();
    }
}
