package org.weightscope.exposure;

import java.util.ArrayList;
import java.util.List;

/**
 * The part of a CycloneDX ML-BOM model card ({@code component.modelCard.modelParameters}) the report shows:
 * what the enterprise itself declares about a model, beside what the catalogue knows.
 *
 * @param approach           learning approach (supervised, self-supervised…), or null
 * @param task               e.g. text-generation, or null
 * @param architectureFamily e.g. transformer, or null
 * @param modelArchitecture  e.g. Qwen3ForCausalLM, or null
 * @param datasets           declared training data set names or references
 */
public record DeclaredModelCard(
        String approach, String task, String architectureFamily, String modelArchitecture, List<String> datasets) {

    public DeclaredModelCard {
        datasets = datasets == null ? List.of() : List.copyOf(datasets);
    }

    boolean isEmpty() {
        return approach == null
                && task == null
                && architectureFamily == null
                && modelArchitecture == null
                && datasets.isEmpty();
    }

    /** One line for the report's notes, e.g. "BOM model card: task text-generation, architecture transformer". */
    String summary() {
        List<String> parts = new ArrayList<>();
        if (task != null) parts.add("task " + References.excerpt(task));
        if (approach != null) parts.add("approach " + approach);
        if (architectureFamily != null) parts.add("architecture " + References.excerpt(architectureFamily));
        if (modelArchitecture != null) parts.add("model architecture " + References.excerpt(modelArchitecture));
        if (!datasets.isEmpty()) parts.add("datasets " + References.excerpt(String.join(", ", datasets)));
        return "BOM model card: " + String.join(", ", parts);
    }
}
