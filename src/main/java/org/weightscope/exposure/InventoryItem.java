package org.weightscope.exposure;

/**
 * One model use in the enterprise's inventory.
 *
 * @param row          1-based CSV row (the header is row 1) or 1-based component position in a BOM (document order,
 *                     nested components included)
 * @param reference    the reference exactly as written (purl, URL, slug…)
 * @param ref          the parsed hub + id
 * @param businessUnit owning unit, or null
 * @param weight       non-negative usage weight (1 when the file gives none); duplicates are summed
 * @param modelCard    what the BOM's own model card declares (CycloneDX ML-BOM), or null
 */
public record InventoryItem(
        int row, String reference, ModelRef ref, String businessUnit, double weight, DeclaredModelCard modelCard) {

    public InventoryItem(int row, String reference, ModelRef ref, String businessUnit, double weight) {
        this(row, reference, ref, businessUnit, weight, null);
    }
}
