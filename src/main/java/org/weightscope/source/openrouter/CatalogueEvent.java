package org.weightscope.source.openrouter;

import java.math.BigDecimal;

/** What changed in OpenRouter's catalogue between two snapshots; {@link #type()} is the stored event type. */
public sealed interface CatalogueEvent {

    String type();

    String modelId();

    record ModelAdded(RouterModel model) implements CatalogueEvent {
        public String type() {
            return "router-model-added";
        }

        public String modelId() {
            return model.id();
        }
    }

    record ModelRemoved(RouterModel model) implements CatalogueEvent {
        public String type() {
            return "router-model-removed";
        }

        public String modelId() {
            return model.id();
        }
    }

    /** Prices in USD per token, exactly as listed; null = not a fixed price (-1 in the API). */
    record PriceChange(String modelId, BigDecimal oldPrompt, BigDecimal newPrompt,
                       BigDecimal oldCompletion, BigDecimal newCompletion) implements CatalogueEvent {
        public String type() {
            return "price-change";
        }
    }
}
