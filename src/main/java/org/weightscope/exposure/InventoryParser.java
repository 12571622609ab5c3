package org.weightscope.exposure;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads an uploaded inventory. The format is detected from the content (first non-blank character and, for
 * JSON/XML, the CycloneDX markers), because file names from enterprise tools are unreliable; each format has
 * its own reader ({@link CsvInventory}, {@link CycloneDxJson}, {@link CycloneDxXml}). Anything that makes the
 * whole file unusable throws {@link InventoryException}; anything wrong with one row or component becomes a
 * {@link Problem} and the rest is still read.
 */
final class InventoryParser {

    private static final Pattern NUMBER = Pattern.compile("\\+?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

    private final ExposureSettings settings;
    private final CsvInventory csv;
    private final CycloneDxJson json;
    private final CycloneDxXml xml;

    InventoryParser(ExposureSettings settings) {
        this.settings = settings;
        this.csv = new CsvInventory(settings.maxComponents());
        this.json = new CycloneDxJson(settings.maxComponents());
        this.xml = new CycloneDxXml(settings.maxComponents());
    }

    /** @throws InventoryException when the file as a whole cannot be read */
    public Inventory parse(String filename, byte[] content) {
        if (content == null || content.length == 0) throw new InventoryException("The file is empty.");
        long max = settings.maxFileSize().toBytes();
        if (content.length > max) {
            throw new InventoryException("The file is " + size(content.length) + "; the limit is " + size(max)
                    + ". Split the inventory into smaller files.");
        }
        String text = decode(content);
        String start = text.stripLeading();
        if (start.isEmpty()) throw new InventoryException("The file is empty.");
        List<Problem> problems = new ArrayList<>();
        List<InventoryItem> items;
        String format;
        char first = start.charAt(0);
        if (first == '{') {
            format = Inventory.CYCLONEDX_JSON;
            items = json.read(text, problems);
        } else if (first == '<') {
            format = Inventory.CYCLONEDX_XML;
            items = xml.read(content, problems);
        } else if (first == '[') {
            throw unknownFormat("a JSON array, not a CycloneDX BOM");
        } else {
            format = Inventory.CSV;
            items = csv.read(text, problems);
        }
        checkExtension(filename, format, problems);
        items = mergeDuplicates(items, format, problems);
        if (items.isEmpty() && problems.stream().noneMatch(p -> Problem.ERROR.equals(p.severity()))) {
            problems.add(Problem.warning(0, "No models found in the file."));
        }
        problems.sort(Comparator.comparingInt(Problem::row));
        return new Inventory(items, problems, format);
    }

    static InventoryException unknownFormat(String what) {
        return new InventoryException("Unknown format: the file is " + what + ". Upload a CycloneDX "
                + BomSchemas.SUPPORTED + " BOM (JSON or XML) or a CSV whose header names a model column ("
                + String.join(", ", CsvInventory.MODEL_COLUMNS) + ").");
    }

    /** Usage weight: blank means 1; only plain non-negative decimals (no NaN, Infinity, hex floats). */
    static double weight(String raw) {
        if (raw == null || raw.isBlank()) return 1.0;
        String s = raw.strip();
        if (s.startsWith("-") && NUMBER.matcher(s.substring(1)).matches()) {
            throw new IllegalArgumentException(
                    "weight " + References.excerpt(s) + " is negative; weights must be 0 or more");
        }
        if (!NUMBER.matcher(s).matches()) {
            String hint = s.matches("\\d+,\\d+") ? " (use a dot as the decimal separator)" : "";
            throw new IllegalArgumentException("weight '" + References.excerpt(s) + "' is not a number" + hint);
        }
        double d = Double.parseDouble(s);
        if (Double.isInfinite(d))
            throw new IllegalArgumentException("weight " + References.excerpt(s) + " is too large");
        return d;
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String decode(byte[] content) {
        int off = 0;
        if (content.length >= 2
                && ((content[0] & 0xFF) == 0xFE && (content[1] & 0xFF) == 0xFF
                        || (content[0] & 0xFF) == 0xFF && (content[1] & 0xFF) == 0xFE)) {
            return new String(content, StandardCharsets.UTF_16);
        }
        if (content.length >= 3
                && (content[0] & 0xFF) == 0xEF
                && (content[1] & 0xFF) == 0xBB
                && (content[2] & 0xFF) == 0xBF) {
            off = 3;
        }
        try {
            String s = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content, off, content.length - off))
                    .toString();
            if (s.indexOf('\u0000') >= 0) throw unknownFormat("a binary file");
            return s;
        } catch (CharacterCodingException e) {
            throw new InventoryException("The file is not UTF-8 text. Save the CSV as UTF-8 (Excel: \"CSV UTF-8\") "
                    + "or upload a CycloneDX JSON/XML BOM.");
        }
    }

    private static void checkExtension(String filename, String format, List<Problem> problems) {
        if (filename == null) return;
        String f = filename.toLowerCase(Locale.ROOT);
        String claimed = f.endsWith(".csv")
                ? Inventory.CSV
                : f.endsWith(".json") ? Inventory.CYCLONEDX_JSON : f.endsWith(".xml") ? Inventory.CYCLONEDX_XML : null;
        if (claimed != null && !claimed.equals(format)) {
            problems.add(Problem.warning(
                    0,
                    "The file name \"" + References.excerpt(filename) + "\" suggests " + claimed
                            + " but the content is " + format + "; it was read as " + format + "."));
        }
    }

    private static String size(long bytes) {
        if (bytes >= 1024 * 1024) return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
        if (bytes >= 1024) return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
        return bytes + " bytes";
    }

    /**
     * Rows naming the same model (hub + id, case-insensitive, any revision) for the same business unit are one
     * component: their weights are summed, the first row's number and reference are kept, and a warning names
     * the rows, so a spreadsheet with accidental repeats does not double-count a model.
     */
    private static List<InventoryItem> mergeDuplicates(
            List<InventoryItem> items, String format, List<Problem> problems) {
        Map<String, List<InventoryItem>> groups = new LinkedHashMap<>();
        for (InventoryItem i : items) {
            String unit = i.businessUnit() == null ? "" : i.businessUnit().toLowerCase(Locale.ROOT);
            groups.computeIfAbsent(i.ref().key() + '\u0000' + unit, k -> new ArrayList<>())
                    .add(i);
        }
        String noun = Inventory.CSV.equals(format) ? "Rows " : "Components ";
        List<InventoryItem> out = new ArrayList<>(groups.size());
        for (List<InventoryItem> g : groups.values()) {
            InventoryItem first = g.getFirst();
            if (g.size() == 1) {
                out.add(first);
                continue;
            }
            double sum = 0;
            List<String> rows = new ArrayList<>();
            List<String> weights = new ArrayList<>();
            Set<String> revisions = new LinkedHashSet<>();
            for (InventoryItem i : g) {
                sum += i.weight();
                rows.add(String.valueOf(i.row()));
                weights.add(Numbers.format(i.weight()));
                if (i.ref().revision() != null) revisions.add(i.ref().revision());
            }
            String msg = noun + String.join(", ", rows) + " name the same model ("
                    + first.ref().hub() + ":" + first.ref().id() + ")"
                    + (first.businessUnit() == null ? "" : " for unit " + References.excerpt(first.businessUnit()))
                    + ": merged into one component, weights summed (" + String.join(" + ", weights) + " = "
                    + Numbers.format(sum) + ")"
                    + (revisions.size() > 1
                            ? "; revisions differ (" + References.excerpt(String.join(", ", revisions))
                                    + "), the first is kept"
                            : "")
                    + ".";
            problems.add(Problem.warning(first.row(), msg));
            out.add(new InventoryItem(
                    first.row(), first.reference(), first.ref(), first.businessUnit(), sum, first.modelCard()));
        }
        return out;
    }
}
