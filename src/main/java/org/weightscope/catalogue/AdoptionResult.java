package org.weightscope.catalogue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The figures as of one day and what they were computed over (raw: before the service adds warnings). */
record AdoptionResult(
        double total,
        List<Adoption.Figure> figures,
        Instant asOf,
        long models,
        long downloads,
        LocalDate capturedFrom,
        LocalDate capturedTo,
        long leftOutStale,
        Map<String, Long> sources,
        String topModel,
        double topValue,
        Set<String> modelIds) {

    /** Nothing counted on the day; {@code leftOut} models were stale. */
    static AdoptionResult empty(long leftOut) {
        return new AdoptionResult(0, List.of(), null, 0, 0, null, null, leftOut, Map.of(), null, 0, Set.of());
    }
}
