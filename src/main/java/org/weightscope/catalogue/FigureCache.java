package org.weightscope.catalogue;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import org.weightscope.storage.Documents;
import org.weightscope.storage.Indices;

/**
 * Answers without a per-model filter, kept until the store changes: twenty readers of the same overview get one
 * computation, not twenty. "The store changed" is a token in the cube index that every write to the snapshots renews
 * ({@link AdoptionCube#touched}, its rebuilds), so an answer is reused only while the token it was computed under is
 * current — also across app instances sharing the cluster (each reads the token, one realtime get, per answer). Ten
 * minutes at most, 2,000 answers at most (Caffeine, which also lets one caller compute a key while the others wait).
 */
@Component
class FigureCache {

    private static final String ID = "figures-generation";

    @SuppressWarnings("rawtypes")
    private final Documents<Map> docs;

    private final Cache<List<Object>, Object> answers = Caffeine.newBuilder()
            .maximumSize(2_000)
            .expireAfterWrite(Duration.ofMinutes(10))
            .build();

    FigureCache(co.elastic.clients.elasticsearch.ElasticsearchClient client, Indices indices) {
        this.docs = new Documents<>(client, indices, AdoptionCube.NAME, Map.class, "figures generation");
    }

    /** The store changed: answers computed before are not reused (here or on another instance). */
    void changed() {
        docs.put(ID, Map.of("kind", "generation", "token", UUID.randomUUID().toString()), false);
        answers.invalidateAll();
    }

    @SuppressWarnings("unchecked")
    <T> T get(List<Object> key, Supplier<T> compute) {
        Object token = docs.get(ID).map(d -> d.get("token")).orElse("");
        return (T) answers.get(List.of(token, key), k -> compute.get());
    }
}
