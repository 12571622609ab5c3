package org.weightscope.catalogue;

import java.util.Map;

/**
 * Models per hub and across hubs without double counting: a model on ModelScope linked to its Hugging Face
 * original counts once in {@link #combined}.
 *
 * @param byHub    stored models per hub (each hub counts its own copy)
 * @param linked   stored models that are a copy of another stored model ({@link ModelLink})
 * @param combined distinct models over every hub (= sum of byHub − linked)
 */
public record HubTotals(Map<String, Long> byHub, long linked, long combined) {

    public HubTotals {
        byHub = Map.copyOf(byHub);
    }
}
