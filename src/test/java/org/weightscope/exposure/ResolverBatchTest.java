package org.weightscope.exposure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Inventory resolution in batches: a few lookups per {@link Resolver#BATCH} rows (one per hub of exact ids,
 * one per hub of fallback ids, one name search: at most 8), never one per row — with the same answers as resolving
 * each row alone.
 */
class ResolverBatchTest {

    static final class Counting implements ModelLookup {
        final ModelLookup inner;
        final AtomicInteger single = new AtomicInteger();
        final AtomicInteger batches = new AtomicInteger();

        Counting(ModelLookup inner) {
            this.inner = inner;
        }

        @Override
        public Optional<ResolvedModel> byId(String hub, String id) {
            single.incrementAndGet();
            return inner.byId(hub, id);
        }

        @Override
        public List<ResolvedModel> search(String name, int max) {
            single.incrementAndGet();
            return inner.search(name, max);
        }

        @Override
        public Map<String, ResolvedModel> byIds(String hub, Collection<String> ids) {
            batches.incrementAndGet();
            return inner.byIds(hub, ids);
        }

        @Override
        public Map<String, List<ResolvedModel>> searchAll(Collection<String> names, int max) {
            batches.incrementAndGet();
            return inner.searchAll(names, max);
        }

        @Override
        public List<ResolvedModel> alternatives(
                String hardwareClass, List<String> sectors, String excludeOrigin, int max) {
            return inner.alternatives(hardwareClass, sectors, excludeOrigin, max);
        }
    }

    static final List<String> REFERENCES = List.of(
            "QWEN/qwen2.5-72b-INSTRUCT",
            "ollama:gemma3",
            "gemma3",
            "gemma3:4b",
            "ollama:gemma3:4b-q8",
            "https://openrouter.ai/meta-llama/llama-3.1-8b-instruct",
            "https://huggingface.co/Qwen/Qwen2.5-72B-Instruct",
            "modelscope:Qwen/Qwen2.5-72B-Instruct",
            "acme/internal-model",
            "Qwen2.5-72B-Instruct",
            "no-such-model",
            "hf:someone/gemma3");

    @Test
    void tenThousandRowsTakeAFewLookupsPerBatchAndResolveAsEachAlone() {
        ModelLookup reference = ResolverTest.lookup();
        Counting counting = new Counting(reference);
        List<ModelRef> refs = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            String r = REFERENCES.get(i % REFERENCES.size());
            refs.add(References.parse(i % 5 == 4 ? r + "-" + i : r));
        }
        List<Resolver.Resolution> all = new Resolver(counting).resolveAll(refs);
        assertThat(counting.single.get()).as("per-row lookups").isZero();
        int batches = (10_000 + Resolver.BATCH - 1) / Resolver.BATCH;
        assertThat(counting.batches.get()).as("lookups for %d batches", batches).isLessThanOrEqualTo(batches * 8);

        Resolver alone = new Resolver(reference);
        for (int i = 0; i < refs.size(); i += 7) {
            Resolver.Resolution one = alone.resolve(refs.get(i));
            Resolver.Resolution batched = all.get(i);
            assertThat(batched.status()).as(refs.get(i).toString()).isEqualTo(one.status());
            assertThat(batched.model() == null ? null : batched.model().key())
                    .isEqualTo(one.model() == null ? null : one.model().key());
            assertThat(batched.candidates()).isEqualTo(one.candidates());
            assertThat(batched.notes()).isEqualTo(one.notes());
        }
    }
}
