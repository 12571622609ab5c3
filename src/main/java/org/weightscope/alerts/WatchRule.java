package org.weightscope.alerts;

import java.util.List;
import java.util.Set;

/**
 * One alert rule of a watchlist.
 *
 * @param type         {@link #ORGANISATION_RELEASE}: {@code organisation} (hub namespace) releases a model;
 *                     {@link #MODEL_CHANGE}: the licence or gating of one of {@code models} changes;
 *                     {@link #ORIGIN_SHARE_MOVE}: an origin's share of {@code metric} (lineage view) moves by
 *                     more than {@code points} percentage points against a week earlier;
 *                     {@link #TOP_N}: a model enters the top {@code top} by {@code metric} (downloads-30d)
 * @param models       catalogue model ids, e.g. {@code hf:meta-llama/Llama-3.3-70B-Instruct}
 */
public record WatchRule(
        String id, String type, String organisation, List<String> models, String metric, Double points, Integer top) {

    public static final String ORGANISATION_RELEASE = "organisation-release";
    public static final String MODEL_CHANGE = "model-change";
    public static final String ORIGIN_SHARE_MOVE = "origin-share-move";
    public static final String TOP_N = "top-n";
    public static final Set<String> TYPES = Set.of(ORGANISATION_RELEASE, MODEL_CHANGE, ORIGIN_SHARE_MOVE, TOP_N);

    public WatchRule {
        models = models == null ? List.of() : List.copyOf(models);
    }

    /** The problem with this rule, or null when it can be evaluated. */
    String problem() {
        if (type == null || !TYPES.contains(type)) return "type must be one of " + TYPES;
        return switch (type) {
            case ORGANISATION_RELEASE -> blank(organisation) ? "organisation is required" : null;
            case MODEL_CHANGE -> models.isEmpty() ? "models is required" : null;
            case ORIGIN_SHARE_MOVE -> points == null || !(points > 0) ? "points must be > 0" : null;
            case TOP_N -> top == null || top < 1 || top > 1000 ? "top must be 1..1000" : null;
            default -> null;
        };
    }

    WatchRule withId(String newId) {
        return new WatchRule(newId, type, organisation, models, metric, points, top);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
