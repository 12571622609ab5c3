package org.weightscope.exposure;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
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
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads an uploaded inventory. The format is detected from the content (first non-blank character and, for
 * JSON/XML, the CycloneDX markers), because file names from enterprise tools are unreliable. Anything that
 * makes the whole file unusable throws {@link InventoryException}; anything wrong with one row or component
 * becomes a {@link Problem} and the rest is still read.
 */
final class InventoryParser {

    static final String ML_MODEL = "machine-learning-model";
    private static final String HF_PURL = "pkg:huggingface/";
    private static final String CDX_NS = "http://cyclonedx.org/schema/bom/";
    private static final Set<String> TESTED_SPECS = Set.of("1.5", "1.6");
    /** BOM nesting beyond this is not a real inventory; stops a deep-nesting file from exhausting the stack. */
    private static final int MAX_DEPTH = 64;
    private static final List<String> MODEL_COLUMNS = List.of("model", "model_id", "id", "reference");
    private static final List<String> UNIT_COLUMNS = List.of("business_unit", "unit");
    private static final List<String> WEIGHT_COLUMNS = List.of("weight", "usage_weight", "usage");
    private static final Pattern NUMBER = Pattern.compile("\\+?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");
    // Jackson's default StreamReadConstraints already cap nesting depth, number and string length.
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ExposureSettings settings;

    InventoryParser(ExposureSettings settings) {
        this.settings = settings;
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
            items = cycloneDxJson(text, problems);
        } else if (first == '<') {
            format = Inventory.CYCLONEDX_XML;
            items = cycloneDxXml(content, problems);
        } else if (first == '[') {
            throw unknownFormat("a JSON array, not a CycloneDX BOM");
        } else {
            format = Inventory.CSV;
            items = csv(text, problems);
        }
        checkExtension(filename, format, problems);
        items = mergeDuplicates(items, format, problems);
        if (items.isEmpty() && problems.stream().noneMatch(p -> Problem.ERROR.equals(p.severity()))) {
            problems.add(Problem.warning(0, "No models found in the file."));
        }
        problems.sort(Comparator.comparingInt(Problem::row));
        return new Inventory(items, problems, format);
    }

    // ---- text ----

    private static String decode(byte[] content) {
        int off = 0;
        if (content.length >= 2 && ((content[0] & 0xFF) == 0xFE && (content[1] & 0xFF) == 0xFF
                || (content[0] & 0xFF) == 0xFF && (content[1] & 0xFF) == 0xFE)) {
            return new String(content, StandardCharsets.UTF_16);
        }
        if (content.length >= 3 && (content[0] & 0xFF) == 0xEF && (content[1] & 0xFF) == 0xBB && (content[2] & 0xFF) == 0xBF) {
            off = 3;
        }
        try {
            String s = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content, off, content.length - off)).toString();
            if (s.indexOf('\u0000') >= 0) throw unknownFormat("a binary file");
            return s;
        } catch (CharacterCodingException e) {
            throw new InventoryException("The file is not UTF-8 text. Save the CSV as UTF-8 (Excel: \"CSV UTF-8\") "
                    + "or upload a CycloneDX JSON/XML BOM.");
        }
    }

    private static InventoryException unknownFormat(String what) {
        return new InventoryException("Unknown format: the file is " + what + ". Upload a CycloneDX 1.5/1.6 BOM "
                + "(JSON or XML) or a CSV whose header names a model column (" + String.join(", ", MODEL_COLUMNS) + ").");
    }

    private static void checkExtension(String filename, String format, List<Problem> problems) {
        if (filename == null) return;
        String f = filename.toLowerCase(Locale.ROOT);
        String claimed = f.endsWith(".csv") ? Inventory.CSV
                : f.endsWith(".json") ? Inventory.CYCLONEDX_JSON
                : f.endsWith(".xml") ? Inventory.CYCLONEDX_XML : null;
        if (claimed != null && !claimed.equals(format)) {
            problems.add(Problem.warning(0, "The file name \"" + References.excerpt(filename)
                    + "\" suggests " + claimed + " but the content is " + format + "; it was read as " + format + "."));
        }
    }

    private static String size(long bytes) {
        if (bytes >= 1024 * 1024) return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
        if (bytes >= 1024) return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
        return bytes + " bytes";
    }

    // ---- CSV ----

    private List<InventoryItem> csv(String text, List<Problem> problems) {
        char delim = CsvReader.delimiter(text);
        List<CsvReader.Record> records = CsvReader.read(text, delim, settings.maxComponents() + 1);
        if (records.isEmpty()) throw new InventoryException("The file has no rows.");
        CsvReader.Record header = records.getFirst();
        List<String> names = header.fields().stream()
                .map(h -> h.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s-]+", "_")).toList();
        int model = column(names, MODEL_COLUMNS);
        if (header.error() != null || model < 0) {
            throw unknownFormat("not a CycloneDX BOM, and its first row is not a CSV header naming a model column");
        }
        if (records.size() - 1 > settings.maxComponents()) {
            throw new InventoryException("The file has more than " + settings.maxComponents()
                    + " rows; the limit is " + settings.maxComponents() + " components per file. Split it into smaller files.");
        }
        int unit = column(names, UNIT_COLUMNS);
        int weight = column(names, WEIGHT_COLUMNS);
        List<String> ignored = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            if (i != model && i != unit && i != weight && !names.get(i).isEmpty()) ignored.add(header.fields().get(i).strip());
        }
        if (!ignored.isEmpty()) {
            problems.add(Problem.info(header.row(), "Columns not used by the report: " + References.excerpt(String.join(", ", ignored)) + "."));
        }
        List<InventoryItem> items = new ArrayList<>();
        for (CsvReader.Record r : records.subList(1, records.size())) {
            String where = "Row " + r.row() + ": ";
            if (r.error() != null) {
                problems.add(Problem.error(r.row(), where + r.error() + "; row skipped."));
                continue;
            }
            if (r.fields().size() != names.size()) {
                problems.add(Problem.error(r.row(), where + r.fields().size() + " columns, but the header has " + names.size()
                        + "; row skipped. Quote values that contain '" + (delim == '\t' ? "\\t" : String.valueOf(delim)) + "'."));
                continue;
            }
            String reference = r.fields().get(model).strip();
            if (reference.isEmpty()) {
                problems.add(Problem.error(r.row(), where + "no model reference; row skipped."));
                continue;
            }
            try {
                ModelRef ref = References.parse(reference);
                double w = weight(weight < 0 ? null : r.fields().get(weight));
                items.add(new InventoryItem(r.row(), reference, ref, blankToNull(unit < 0 ? null : r.fields().get(unit)), w));
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

    /** Usage weight: blank means 1; only plain non-negative decimals (no NaN, Infinity, hex floats). */
    static double weight(String raw) {
        if (raw == null || raw.isBlank()) return 1.0;
        String s = raw.strip();
        if (s.startsWith("-") && NUMBER.matcher(s.substring(1)).matches()) {
            throw new IllegalArgumentException("weight " + References.excerpt(s) + " is negative; weights must be 0 or more");
        }
        if (!NUMBER.matcher(s).matches()) {
            String hint = s.matches("\\d+,\\d+") ? " (use a dot as the decimal separator)" : "";
            throw new IllegalArgumentException("weight '" + References.excerpt(s) + "' is not a number" + hint);
        }
        double d = Double.parseDouble(s);
        if (Double.isInfinite(d)) throw new IllegalArgumentException("weight " + References.excerpt(s) + " is too large");
        return d;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    // ---- CycloneDX, format-independent part ----

    /** One BOM component, as read from JSON or XML. */
    private record Component(int position, String type, String name, String group, String version, String purl,
                             Map<String, String> properties) {}

    /** Walk state shared by the JSON and XML readers: document-order numbering and the component limit. */
    private final class Walk {
        final List<Problem> problems;
        final List<InventoryItem> items = new ArrayList<>();
        int position;
        int skipped;
        boolean tooDeep;

        Walk(List<Problem> problems) {
            this.problems = problems;
        }

        int next() {
            if (++position > settings.maxComponents()) {
                throw new InventoryException("The BOM has more than " + settings.maxComponents()
                        + " components; the limit is " + settings.maxComponents() + " per file. Split it into smaller files.");
            }
            return position;
        }

        void deep() {
            if (!tooDeep) problems.add(Problem.warning(0, "Components nested more than " + MAX_DEPTH + " levels deep were ignored."));
            tooDeep = true;
        }

        void accept(Component c) {
            String purl = blankToNull(c.purl());
            boolean hfPurl = purl != null && purl.toLowerCase(Locale.ROOT).startsWith(HF_PURL);
            if (!ML_MODEL.equals(c.type()) && !hfPurl) {
                skipped++;
                return;
            }
            String label = "Component " + c.position() + (c.name() == null ? "" : " (" + References.excerpt(c.name()) + ")") + ": ";
            try {
                String reference;
                ModelRef ref;
                if (hfPurl) {
                    reference = purl;
                    ref = References.purl(purl);
                } else {
                    if (c.name() == null) throw new IllegalArgumentException("no purl and no name");
                    reference = c.group() == null ? c.name() : c.group() + "/" + c.name();
                    ref = References.parse(reference);
                    // A declared version is kept like a purl's commit: it identifies what is deployed.
                    if (c.version() != null && ref.revision() == null) ref = new ModelRef(ref.hub(), ref.id(), c.version());
                }
                double w = weight(property(c.properties(), "weightscope:weight", "weight", "usage_weight", "usage"));
                String unit = blankToNull(property(c.properties(), "weightscope:business_unit", "business_unit", "unit"));
                items.add(new InventoryItem(c.position(), reference, ref, unit, w));
            } catch (IllegalArgumentException e) {
                problems.add(Problem.error(c.position(), label + e.getMessage() + "; component skipped."));
            }
        }

        void finish(String specVersion) {
            if (specVersion == null) {
                problems.add(Problem.warning(0, "The BOM declares no specVersion; it was read as CycloneDX 1.6."));
            } else if (!TESTED_SPECS.contains(specVersion)) {
                problems.add(Problem.warning(0, "CycloneDX " + References.excerpt(specVersion)
                        + " is not 1.5 or 1.6; it was read as 1.6, check the result."));
            }
            if (skipped > 0) {
                problems.add(Problem.info(0, skipped + " component(s) of other types were ignored: only "
                        + ML_MODEL + " components and pkg:huggingface purls name models."));
            }
        }
    }

    private static String property(Map<String, String> props, String... names) {
        for (String n : names) {
            String v = props.get(n);
            if (v != null) return v;
        }
        return null;
    }

    // ---- CycloneDX JSON ----

    private List<InventoryItem> cycloneDxJson(String text, List<Problem> problems) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new InventoryException("Not valid JSON" + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")")
                    + ": " + References.excerpt(e.getOriginalMessage()) + ".");
        }
        if (root == null || !root.isObject() || !"CycloneDX".equals(root.path("bomFormat").asText())) {
            throw unknownFormat("JSON but not a CycloneDX BOM (\"bomFormat\": \"CycloneDX\" is missing)");
        }
        Walk walk = new Walk(problems);
        jsonComponents(root.path("components"), walk, 1);
        walk.finish(root.hasNonNull("specVersion") ? root.get("specVersion").asText() : null);
        return walk.items;
    }

    private void jsonComponents(JsonNode list, Walk walk, int depth) {
        if (!list.isArray()) return;
        if (depth > MAX_DEPTH) {
            walk.deep();
            return;
        }
        for (JsonNode c : list) {
            if (!c.isObject()) continue;
            int pos = walk.next();
            Map<String, String> props = new LinkedHashMap<>();
            for (JsonNode p : c.path("properties")) {
                if (p.hasNonNull("name") && p.hasNonNull("value")) props.putIfAbsent(p.get("name").asText().toLowerCase(Locale.ROOT), p.get("value").asText());
            }
            walk.accept(new Component(pos, text(c, "type"), text(c, "name"), text(c, "group"), text(c, "version"),
                    text(c, "purl"), props));
            jsonComponents(c.path("components"), walk, depth + 1);
        }
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() || !v.isValueNode() ? null : blankToNull(v.asText());
    }

    // ---- CycloneDX XML ----

    /**
     * A DOM parser hardened against XXE, entity expansion (billion laughs) and XInclude: a CycloneDX BOM never
     * needs a DOCTYPE, so any DOCTYPE is refused outright rather than parsed with limits.
     */
    static DocumentBuilder secureXml() {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            try {
                f.setAttribute("jdk.xml.maxElementDepth", "256");
            } catch (IllegalArgumentException notJdkParser) {
                // another JAXP implementation: MAX_DEPTH in the walk still bounds our own recursion
            }
            DocumentBuilder b = f.newDocumentBuilder();
            b.setEntityResolver((publicId, systemId) -> {
                throw new SAXException("external entity refused: " + systemId);
            });
            // The default handler prints to stderr; errors are reported to the user instead.
            b.setErrorHandler(new ErrorHandler() {
                @Override public void warning(SAXParseException e) {}
                @Override public void error(SAXParseException e) throws SAXException { throw e; }
                @Override public void fatalError(SAXParseException e) throws SAXException { throw e; }
            });
            return b;
        } catch (ParserConfigurationException e) {
            // the JDK parser supports all of the above; failing here is a deployment bug, not bad input
            throw new IllegalStateException("cannot configure a secure XML parser", e);
        }
    }

    private List<InventoryItem> cycloneDxXml(byte[] content, List<Problem> problems) {
        Document doc;
        try {
            doc = secureXml().parse(new InputSource(new ByteArrayInputStream(content)));
        } catch (SAXParseException e) {
            String msg = Objects.toString(e.getMessage(), "");
            if (msg.contains("DOCTYPE")) {
                throw new InventoryException("XML with a DOCTYPE or entity declaration is refused: such declarations enable "
                        + "external entities (XXE) and entity expansion attacks, and a CycloneDX BOM never needs one. "
                        + "Remove the <!DOCTYPE …> and upload again.", e);
            }
            throw new InventoryException("Not well-formed XML (line " + e.getLineNumber() + ", column " + e.getColumnNumber()
                    + "): " + References.excerpt(msg), e);
        } catch (SAXException e) {
            throw new InventoryException("The XML could not be read: " + References.excerpt(e.getMessage()), e);
        } catch (IOException e) {
            throw new InventoryException("The XML could not be read.", e);
        }
        Element root = doc.getDocumentElement();
        String ns = root.getNamespaceURI();
        if (!"bom".equals(root.getLocalName()) || ns == null || !ns.startsWith(CDX_NS)) {
            throw unknownFormat("XML whose root element is <" + References.excerpt(root.getTagName())
                    + "> in namespace " + (ns == null ? "(none)" : References.excerpt(ns)) + ", not a CycloneDX <bom>");
        }
        Walk walk = new Walk(problems);
        xmlComponents(child(root, "components"), walk, 1);
        walk.finish(ns.substring(CDX_NS.length()));
        return walk.items;
    }

    private void xmlComponents(Element list, Walk walk, int depth) {
        if (list == null) return;
        if (depth > MAX_DEPTH) {
            walk.deep();
            return;
        }
        for (Element c : children(list, "component")) {
            int pos = walk.next();
            Map<String, String> props = new LinkedHashMap<>();
            Element properties = child(c, "properties");
            if (properties != null) {
                for (Element p : children(properties, "property")) {
                    if (p.hasAttribute("name")) props.putIfAbsent(p.getAttribute("name").toLowerCase(Locale.ROOT), p.getTextContent().strip());
                }
            }
            walk.accept(new Component(pos, blankToNull(c.getAttribute("type")), childText(c, "name"), childText(c, "group"),
                    childText(c, "version"), childText(c, "purl"), props));
            xmlComponents(child(c, "components"), walk, depth + 1);
        }
    }

    private static List<Element> children(Element parent, String localName) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && localName.equals(e.getLocalName())) out.add(e);
        }
        return out;
    }

    private static Element child(Element parent, String localName) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && localName.equals(e.getLocalName())) return e;
        }
        return null;
    }

    private static String childText(Element parent, String localName) {
        Element e = child(parent, localName);
        return e == null ? null : blankToNull(e.getTextContent());
    }

    // ---- duplicates ----

    /**
     * Rows naming the same model (hub + id, case-insensitive, any revision) for the same business unit are one
     * component: their weights are summed, the first row's number and reference are kept, and a warning names
     * the rows, so a spreadsheet with accidental repeats does not double-count a model.
     */
    private static List<InventoryItem> mergeDuplicates(List<InventoryItem> items, String format, List<Problem> problems) {
        Map<String, List<InventoryItem>> groups = new LinkedHashMap<>();
        for (InventoryItem i : items) {
            String unit = i.businessUnit() == null ? "" : i.businessUnit().toLowerCase(Locale.ROOT);
            groups.computeIfAbsent(i.ref().key() + '\u0000' + unit, k -> new ArrayList<>()).add(i);
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
            String msg = noun + String.join(", ", rows) + " name the same model (" + first.ref().hub() + ":" + first.ref().id() + ")"
                    + (first.businessUnit() == null ? "" : " for unit " + References.excerpt(first.businessUnit()))
                    + ": merged into one component, weights summed (" + String.join(" + ", weights) + " = " + Numbers.format(sum) + ")"
                    + (revisions.size() > 1 ? "; revisions differ (" + References.excerpt(String.join(", ", revisions)) + "), the first is kept" : "")
                    + ".";
            problems.add(Problem.warning(first.row(), msg));
            out.add(new InventoryItem(first.row(), first.reference(), first.ref(), first.businessUnit(), sum));
        }
        return out;
    }

}
