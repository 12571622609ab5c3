package org.weightscope.catalogue;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import org.weightscope.storage.Documents;
import org.weightscope.storage.Indices;

/**
 * Answers without a per-model filter, kept until the store changes: twenty readers of the same overview get one
 * computation, not twenty. "The store changed" is a token in the cube index that every write to the snapshots renews
 * ({@link AdoptionCube#touched}, its rebuilds), so an answer is reused only while the token it was computed under is
 * current — also across app instances sharing the cluster (each reads the token, a realtime get, at most once a
 * second, so another instance's write shows within a second; this instance's own writes at once). Ten
 * minutes at most, 2,000 answers at most (Caffeine); one caller computes a key while the others wait for it.
 */
@Component
public class FigureCache {

    private static final String ID = "figures-generation";

    @SuppressWarnings("rawtypes")
    private final Documents<Map> docs;

    private final Cache<List<Object>, CompletableFuture<Object>> answers = Caffeine.newBuilder()
            .maximumSize(2_000)
            .expireAfterWrite(Duration.ofMinutes(10))
            .build();

    private volatile boolean enabled = true;

    FigureCache(co.elastic.clients.elasticsearch.ElasticsearchClient client, Indices indices) {
        this.docs = new Documents<>(client, indices, AdoptionCube.NAME, Map.class, "figures generation");
    }

    /** Switches reuse off or on (benchmarks measure the cube's own answers; the token is kept current either way). */
    public void enabled(boolean on) {
        this.enabled = on;
        answers.invalidateAll();
    }

    /** How long a token read from the index is taken as current (another instance's write shows this much later). */
    static final long TOKEN_NANOS = 1_000_000_000L;

    private volatile Object token = "";
    private volatile long tokenReadAt = Long.MIN_VALUE;

    /** The store changed: answers computed before are not reused (here at once, on another instance within 1 s). */
    void changed() {
        String fresh = UUID.randomUUID().toString();
        docs.put(ID, Map.of("kind", "generation", "token", fresh), false);
        answers.invalidateAll();
        token = fresh;
        tokenReadAt = System.nanoTime();
    }

    @SuppressWarnings("unchecked")
    <T> T get(List<Object> key, Supplier<T> compute) {
        if (!enabled) {
            return compute.get();
        }
        long now = System.nanoTime();
        if (tokenReadAt == Long.MIN_VALUE || now - tokenReadAt > TOKEN_NANOS) {
            token = docs.get(ID).map(d -> d.get("token")).orElse("");
            tokenReadAt = now;
        }
        // One caller computes a key while the others wait for its future. The computation runs outside the cache's
        // map: an answer computed from other cached answers (a weekly series from the newest day) would otherwise
        // update the map from inside its own update, which ConcurrentHashMap refuses ("Recursive update") whenever
        // the two keys share a bin.
        List<Object> k = List.of(token, key);
        CompletableFuture<Object> mine = new CompletableFuture<>();
        CompletableFuture<Object> theirs = answers.asMap().putIfAbsent(k, mine);
        if (theirs != null) {
            try {
                return (T) theirs.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
        }
        try {
            T answer = compute.get();
            mine.complete(answer);
            return answer;
        } catch (RuntimeException | Error e) {
            answers.asMap().remove(k, mine);
            mine.completeExceptionally(e);
            throw e;
        }
    }
}
