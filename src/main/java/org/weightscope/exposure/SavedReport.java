package org.weightscope.exposure;

import java.time.Instant;
import java.util.Base64;
import java.util.List;

/**
 * An exposure report an admin saved to be re-evaluated after each crawl.
 *
 * @param inventory   the uploaded inventory, base64 (it may be XML or CSV in any encoding: kept byte for byte)
 * @param origin      ISO country the report's alternatives address, or null
 * @param watchlistId whose Atom feed and webhook carry this report's alerts, or null (admin alert list only)
 * @param components  the snapshot the next evaluation compares against, one per component in file order
 * @param evaluatedAt when the snapshot was last computed
 * @param ruleVersion attribution rule version of the snapshot
 */
public record SavedReport(
        String id,
        String name,
        String filename,
        String inventory,
        String origin,
        String watchlistId,
        Instant createdAt,
        Instant evaluatedAt,
        String ruleVersion,
        List<ComponentSnapshot> components) {

    public SavedReport {
        components = components == null ? List.of() : List.copyOf(components);
    }

    byte[] inventoryBytes() {
        return Base64.getDecoder().decode(inventory);
    }

    SavedReport withSnapshot(Instant at, String rules, List<ComponentSnapshot> snapshot) {
        return new SavedReport(id, name, filename, inventory, origin, watchlistId, createdAt, at, rules, snapshot);
    }

    /**
     * What a saved report watches of one component. Origins are stable strings ({@code "FR"},
     * {@code "CN:0.5000,US:0.5000"}; see {@link SavedReports#origins}) so a change is a string comparison.
     *
     * @param reference the inventory's reference: the key across evaluations (the inventory never changes)
     */
    public record ComponentSnapshot(
            String reference,
            String status,
            String hub,
            String modelId,
            String licenceId,
            String licenceClass,
            String uploaderOrigin,
            String lineageOrigin) {

        /** The watched values in one line; also the alert's "new value" part of its occurrence key. */
        String value() {
            return "licence=" + licenceId + "/" + licenceClass + "; uploader=" + uploaderOrigin + "; lineage="
                    + lineageOrigin;
        }
    }
}
