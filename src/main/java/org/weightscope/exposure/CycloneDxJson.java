package org.weightscope.exposure;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.cyclonedx.model.Bom;
import org.weightscope.shared.Json;

/**
 * A CycloneDX JSON BOM: read as a tree (Jackson's limits on nesting, number and string length apply), cut
 * below {@link BomComponents#MAX_DEPTH} levels of components, validated against the schema of its
 * {@code specVersion}, then bound to cyclonedx-core-java's {@link Bom}.
 */
final class CycloneDxJson {

    private final int maxComponents;

    CycloneDxJson(int maxComponents) {
        this.maxComponents = maxComponents;
    }

    List<InventoryItem> read(String text, List<Problem> problems) {
        JsonNode root;
        try {
            root = Json.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new InventoryException("Not valid JSON"
                    + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")") + ": "
                    + References.excerpt(e.getOriginalMessage()) + ".");
        }
        if (root == null
                || !root.isObject()
                || !"CycloneDX".equals(root.path("bomFormat").asText())) {
            throw InventoryParser.unknownFormat(
                    "JSON but not a CycloneDX BOM (\"bomFormat\": \"CycloneDX\" is missing)");
        }
        JsonNode declared = root.get("specVersion");
        if (declared == null || !declared.isTextual()) {
            throw new InventoryException("The BOM declares no specVersion; a CycloneDX " + BomSchemas.SUPPORTED
                    + " BOM must (e.g. \"specVersion\": \"" + BomSchemas.LATEST + "\").");
        }
        String specVersion = declared.asText();
        if (!BomSchemas.supported(specVersion)) throw BomSchemas.unsupported(specVersion);
        int[] count = {0};
        boolean cut = cut(root, 1, count);
        BomSchemas.validateJson(root, specVersion);
        Bom bom;
        try {
            bom = Json.mapper().treeToValue(root, Bom.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new InventoryException(
                    "The BOM is valid CycloneDX " + specVersion + " but could not be read: "
                            + References.excerpt(e.getMessage()),
                    e);
        }
        return new BomComponents(maxComponents, problems).read(bom, cut);
    }

    /** Drops components nested deeper than the limit; counts the rest against the component limit. */
    private boolean cut(JsonNode parent, int depth, int[] count) {
        JsonNode list = parent.get("components");
        if (list == null || !list.isArray()) return false;
        if (depth > BomComponents.MAX_DEPTH) {
            ((ObjectNode) parent).remove("components");
            return true;
        }
        boolean cut = false;
        for (JsonNode c : list) {
            if (!c.isObject()) continue;
            if (++count[0] > maxComponents) throw BomComponents.tooMany(maxComponents);
            cut |= cut(c, depth + 1, count);
        }
        return cut;
    }
}
