package org.weightscope.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.weightscope.IntegrationTest;
import org.weightscope.catalogue.CatalogueService.Observation;
import org.weightscope.shared.HubFigures;
import org.weightscope.storage.Indices;

/**
 * A run's lineage does not depend on when the store made its earlier pages searchable. A quantiser's re-upload whose
 * card names no base is traced by name (a search); its base, saved one page earlier, may not be searchable yet (a
 * search sees a write after the next refresh, about a second later). The resumed-run test met this on CI: the same
 * pages traced the base in one run and left it untraced in the other. Constructed facts: two repo ids only.
 */
@SpringBootTest(properties = "weightscope.recordings.import-on-empty=false")
class RunLookupsTest extends IntegrationTest {

    @Autowired
    CatalogueHistory history;

    @Autowired
    CatalogueService catalogue;

    @Autowired
    ElasticsearchClient client;

    @Autowired
    Indices indices;

    @Test
    void aReUploadIsTracedToABaseSavedOnAnEarlierPageBeforeTheStoreRefreshes() throws Exception {
        LocalDate day = LocalDate.parse("2026-08-22");
        Instant asOf = day.atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
        history.apply(List.of(observation("Qwen/Qwen3.8-4B", asOf)), day, "run-1"); // creates the indices
        history.refresh();
        // from here on, searches see nothing new (no refresh until the end of the run)
        client.indices()
                .putSettings(s -> s.index(indices.alias("models")).settings(i -> i.refreshInterval(t -> t.time("-1"))));
        try {
            history.apply(List.of(observation("meta-llama/Llama-3.3-70B-Instruct", asOf)), day, "run-1");
            history.apply(List.of(observation("unsloth/Llama-3.3-70B-Instruct-GGUF", asOf)), day, "run-1");

            // a get sees the unrefreshed write, as the crawl's own lookups by id do
            Map<String, CatalogueModel> stored = catalogue.findAll(List.of("hf:unsloth/Llama-3.3-70B-Instruct-GGUF"));
            Attribution a = stored.get("hf:unsloth/Llama-3.3-70B-Instruct-GGUF").attribution();
            assertThat(a.lineage().issues())
                    .contains("inferred-base:unsloth/Llama-3.3-70B-Instruct-GGUF->meta-llama/Llama-3.3-70B-Instruct")
                    .noneMatch(i -> i.startsWith("untraced-root:"));
            assertThat(a.lineageCountries()).containsExactly("US");
        } finally {
            client.indices()
                    .putSettings(
                            s -> s.index(indices.alias("models")).settings(i -> i.refreshInterval(t -> t.time("1s"))));
        }
    }

    private static Observation observation(String repoId, Instant asOf) {
        return new Observation(ModelFacts.of("huggingface", repoId), HubFigures.NONE, asOf, false, "test");
    }
}
