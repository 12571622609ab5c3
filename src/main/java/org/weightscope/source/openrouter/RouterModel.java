package org.weightscope.source.openrouter;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.weightscope.source.RawItem;

/**
 * One entry of OpenRouter's {@code /api/v1/models}, as the hub states it.
 *
 * @param id              e.g. "deepseek/deepseek-v3.2" (variants carry ":free", ":batch"; routers start with "~")
 * @param canonicalSlug   the permaslug, e.g. "deepseek/deepseek-v3.2-20251201" (what rankings count under)
 * @param huggingFaceId   the Hugging Face repo serving these weights, or null (closed models, routers)
 * @param created         when OpenRouter listed it
 * @param promptPrice     USD per input token exactly as written ("0.0000002288"); null where OpenRouter
 *                        writes -1 (routers such as openrouter/auto: the price is that of the model routed to)
 * @param completionPrice USD per output token, same rules
 * @param contextLength   tokens, or null
 * @param modality        e.g. "text+image->text"
 */
public record RouterModel(
        String id,
        String canonicalSlug,
        String huggingFaceId,
        String name,
        Instant created,
        BigDecimal promptPrice,
        BigDecimal completionPrice,
        Long contextLength,
        String modality,
        List<String> inputModalities,
        List<String> outputModalities) {

    public RouterModel {
        if (id == null || id.isBlank()) throw new IllegalArgumentException("id is required");
        inputModalities = inputModalities == null ? List.of() : List.copyOf(inputModalities);
        outputModalities = outputModalities == null ? List.of() : List.copyOf(outputModalities);
    }

    /** First path segment of the id ("deepseek", "~anthropic"): the namespace the registry maps. */
    public String author() {
        int slash = id.indexOf('/');
        return slash > 0 ? id.substring(0, slash) : id;
    }

    /** cardData key of the prices: {@code {prompt, completion}} as plain decimal strings (USD per token). */
    public static final String PRICING = "pricing";

    /**
     * As a raw item. OpenRouter states no base model, so no {@code base_model:} tag is invented; the Hugging
     * Face id (same weights, not a parent) travels as {@code cardData.hugging_face_id} for the cross-hub join.
     * Prices go in {@code cardData.pricing}, normalised so "0.000000260" and "0.00000026" are one price (the
     * catalogue history compares them to find price changes); a price that is not fixed (-1: routers) is left
     * out rather than stored as null, so the stored map (nulls are not kept in the store) compares equal to
     * the next crawl's. The catalogue has no downloads: only when OpenRouter listed the model.
     */
    public RawItem toRawItem() {
        Map<String, Object> card = new LinkedHashMap<>();
        if (huggingFaceId != null) card.put("hugging_face_id", huggingFaceId);
        if (canonicalSlug != null) card.put("canonical_slug", canonicalSlug);
        Map<String, String> pricing = new LinkedHashMap<>();
        if (promptPrice != null)
            pricing.put("prompt", promptPrice.stripTrailingZeros().toPlainString());
        if (completionPrice != null)
            pricing.put("completion", completionPrice.stripTrailingZeros().toPlainString());
        card.put(PRICING, pricing);
        List<String> tags = new ArrayList<>();
        for (String m : inputModalities) tags.add("input:" + m);
        for (String m : outputModalities) tags.add("output:" + m);
        return RawItem.listed(OpenRouter.HUB, id, author(), null, tags, card, created, null, null, null);
    }
}
