package org.weightscope.exposure;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.weightscope.shared.CsvReader;

/** A CSV inventory: a header naming a model column (and optionally unit and weight), one model per row. */
final class CsvInventory {

    static final List<String> MODEL_COLUMNS = List.of("model", "model_id", "id", "reference");
    private static final List<String> UNIT_COLUMNS = List.of("business_unit", "unit");
    private static final List<String> WEIGHT_COLUMNS = List.of("weight", "usage_weight", "usage");

    private final int maxComponents;

    CsvInventory(int maxComponents) {
        this.maxComponents = maxComponents;
    }

    List<InventoryItem> read(String text, List<Problem> problems) {
        char delim = CsvReader.delimiter(text);
        List<CsvReader.Record> records = CsvReader.read(text, delim, maxComponents + 1);
        if (records.isEmpty()) throw new InventoryException("The file has no rows.");
        CsvReader.Record header = records.getFirst();
        List<String> names = header.fields().stream()
                .map(h -> h.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s-]+", "_"))
                .toList();
        int model = column(names, MODEL_COLUMNS);
        if (header.error() != null || model < 0) {
            throw InventoryParser.unknownFormat(
                    "not a CycloneDX BOM, and its first row is not a CSV header naming a model column");
        }
        if (records.size() - 1 > maxComponents) {
            throw new InventoryException("The file has more than " + maxComponents + " rows; the limit is "
                    + maxComponents + " components per file. Split it into smaller files.");
        }
        int unit = column(names, UNIT_COLUMNS);
        int weight = column(names, WEIGHT_COLUMNS);
        List<String> ignored = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            if (i != model && i != unit && i != weight && !names.get(i).isEmpty())
                ignored.add(header.fields().get(i).strip());
        }
        if (!ignored.isEmpty()) {
            problems.add(Problem.info(
                    header.row(),
                    "Columns not used by the report: " + References.excerpt(String.join(", ", ignored)) + "."));
        }
        List<InventoryItem> items = new ArrayList<>();
        for (CsvReader.Record r : records.subList(1, records.size())) {
            String where = "Row " + r.row() + ": ";
            if (r.error() != null) {
                problems.add(Problem.error(r.row(), where + r.error() + "; row skipped."));
                continue;
            }
            if (r.fields().size() != names.size()) {
                problems.add(Problem.error(
                        r.row(),
                        where + r.fields().size() + " columns, but the header has " + names.size()
                                + "; row skipped. Quote values that contain '"
                                + (delim == '\t' ? "\\t" : String.valueOf(delim)) + "'."));
                continue;
            }
            String reference = r.fields().get(model).strip();
            if (reference.isEmpty()) {
                problems.add(Problem.error(r.row(), where + "no model reference; row skipped."));
                continue;
            }
            try {
                ModelRef ref = References.parse(reference);
                double w = InventoryParser.weight(weight < 0 ? null : r.fields().get(weight));
                String businessUnit =
                        InventoryParser.blankToNull(unit < 0 ? null : r.fields().get(unit));
                items.add(new InventoryItem(r.row(), reference, ref, businessUnit, w));
            } catch (IllegalArgumentException e) {
                problems.add(Problem.error(r.row(), where + e.getMessage() + "; row skipped."));
            }
        }
        return items;
    }

    private static int column(List<String> names, List<String> wanted) {
        for (String w : wanted) {
            int i = names.indexOf(w);
            if (i >= 0) return i;
        }
        return -1;
    }
}
