package org.weightscope.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.weightscope.IntegrationTest;
import org.weightscope.catalogue.Adoption;
import org.weightscope.catalogue.AdoptionService;
import org.weightscope.catalogue.CatalogueHistory;
import org.weightscope.catalogue.CatalogueService.Observation;
import org.weightscope.catalogue.HubTotals;
import org.weightscope.catalogue.ModelFacts;
import org.weightscope.catalogue.ModelLink;
import org.weightscope.catalogue.ModelLinks;
import org.weightscope.shared.HubFigures;

/**
 * The same model on Hugging Face and ModelScope is linked and counted once across hubs. The recordings
 * share no model (the ModelScope listing is 30 image LoRAs, none on the recorded Hugging Face pages), so
 * this uses CONSTRUCTED observations (crawlers/fixtures/constructed/README.md): Qwen/Qwen2.5-7B-Instruct on
 * both hubs, and a same-named re-upload by another ModelScope owner that must not be linked.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"weightscope.recordings.import-on-empty=false", "vaadin.productionMode=true"})
class CrossHubLinkTest extends IntegrationTest {

    static final Instant AS_OF = Instant.parse("2026-08-22T00:00:00Z");
    static final LocalDate DAY = LocalDate.parse("2026-08-22");

    @LocalServerPort
    int port;

    @Autowired
    CatalogueHistory history;

    @Autowired
    CrossHubLinker linker;

    @Autowired
    ModelLinks links;

    @Autowired
    AdoptionService adoption;

    static Observation observed(String hub, String repoId, Long downloads30d, Long downloadsAllTime) {
        return new Observation(
                ModelFacts.of(hub, repoId),
                new HubFigures(null, null, null, null, downloads30d, downloadsAllTime, null),
                AS_OF,
                false,
                "constructed");
    }

    @Test
    void theSameModelOnTwoHubsIsLinkedAndCountedOnce() throws Exception {
        history.apply(
                List.of(observed("huggingface", "Qwen/Qwen2.5-7B-Instruct", 1_000L, 50_000L)), DAY, "constructed:hf");
        history.apply(
                List.of(
                        observed("modelscope", "Qwen/Qwen2.5-7B-Instruct", null, 20_000L),
                        observed("modelscope", "someone/Qwen2.5-7B-Instruct", null, 10L)),
                DAY,
                "constructed:ms");
        history.refresh();

        assertThat(linker.relink()).isEqualTo(1);

        assertThat(links.of("ms:Qwen/Qwen2.5-7B-Instruct")).singleElement().satisfies(l -> {
            assertThat(l.canonicalId()).isEqualTo("hf:Qwen/Qwen2.5-7B-Instruct");
            assertThat(l.rule()).isEqualTo(ModelLink.SAME_ORGANISATION_AND_NAME);
        });
        assertThat(links.of("ms:someone/Qwen2.5-7B-Instruct")).isEmpty();
        HubTotals totals = links.totals(List.of("huggingface", "modelscope"));
        assertThat(totals.byHub()).containsEntry("huggingface", 1L).containsEntry("modelscope", 2L);
        assertThat(totals.linked()).isEqualTo(1);
        assertThat(totals.combined()).isEqualTo(2);
        // linking again changes nothing
        linker.relink();
        assertThat(links.totals(List.of("huggingface", "modelscope"))).isEqualTo(totals);
        System.out.printf(
                "Cross-hub: %s, linked %d, combined %d%n", totals.byHub(), totals.linked(), totals.combined());

        // the hub dimension: models per hub in the explorer's service and in the API
        Adoption byHub = adoption.asOf(new Adoption.Query(
                Adoption.Metric.MODELS, Adoption.Dimension.HUB, Adoption.View.LINEAGE, Map.of(), 10));
        Map<String, Double> service = new LinkedHashMap<>();
        byHub.figures().forEach(f -> service.put(f.key(), f.value()));
        assertThat(service).containsEntry("huggingface", 1.0).containsEntry("modelscope", 2.0);
        HttpResponse<String> r = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(
                                        "http://localhost:" + port + "/api/v1/adoption?metric=models&by=hub"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        Map<String, Double> api = new LinkedHashMap<>();
        for (JsonNode f : new ObjectMapper().readTree(r.body()).get("figures"))
            api.put(f.get("key").asText(), f.get("value").asDouble());
        assertThat(api).isEqualTo(service);
    }
}
