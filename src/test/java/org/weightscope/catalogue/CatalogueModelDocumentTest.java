package org.weightscope.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.weightscope.shared.HubFigures;
import org.weightscope.shared.Json;

/**
 * The stored shape of a catalogue model: {@link CatalogueModel} holds the hub's {@link HubFigures}, but the document
 * keeps them as top-level fields, the ones the {@code models} mapping indexes (a nested object would be stored and
 * silently not indexed, the mapping being {@code dynamic: false}).
 */
class CatalogueModelDocumentTest {

    private static final ObjectMapper DOCUMENTS = Json.mapper(); // what the Elasticsearch client maps with

    private static CatalogueModel model() {
        return new CatalogueModel(
                "hf:acme/m",
                "huggingface",
                "acme/m",
                "acme",
                new HubFigures(
                        "manual",
                        "abc",
                        Instant.parse("2024-01-02T00:00:00Z"),
                        Instant.parse("2024-02-03T00:00:00Z"),
                        1234L,
                        5678L,
                        9L),
                ModelFacts.of("huggingface", "acme/m"),
                null,
                List.of(),
                Instant.parse("2024-03-04T00:00:00Z"),
                false,
                "crawl:huggingface:full",
                null);
    }

    @Test
    void theFiguresAreTopLevelFieldsOfTheMappedDocument() throws Exception {
        JsonNode doc = DOCUMENTS.valueToTree(model());
        JsonNode mapped = DOCUMENTS
                .readTree(Path.of("src/main/resources/elasticsearch/models-v2.json")
                        .toFile())
                .path("mappings")
                .path("properties");
        List<String> fields = new ArrayList<>();
        doc.fieldNames().forEachRemaining(fields::add);

        assertThat(mapped.has("figures")).isFalse();
        assertThat(fields).doesNotContain("figures");
        List<String> figures =
                List.of("gated", "sha", "createdAt", "lastModified", "downloads30d", "downloadsAllTime", "likes");
        assertThat(fields).containsAll(figures);
        assertThat(figures)
                .allSatisfy(f -> assertThat(mapped.has(f))
                        .as("field %s is in the mapping", f)
                        .isTrue());
        assertThat(doc.path("downloads30d").asLong()).isEqualTo(1234L);
        assertThat(doc.path("createdAt").asText()).isEqualTo("2024-01-02T00:00:00Z");
    }

    @Test
    void aStoredDocumentReadsBackWithItsFigures() throws Exception {
        CatalogueModel m = model();
        CatalogueModel back = DOCUMENTS.readValue(DOCUMENTS.writeValueAsString(m), CatalogueModel.class);

        assertThat(back.figures()).isEqualTo(m.figures());
        assertThat(back).isEqualTo(m);
    }

    @Test
    void aDocumentWithoutFiguresReadsBackWithNone() throws Exception {
        CatalogueModel back = DOCUMENTS.readValue(
                "{\"id\":\"hf:acme/m\",\"hub\":\"huggingface\",\"repoId\":\"acme/m\"}", CatalogueModel.class);

        assertThat(back.figures()).isEqualTo(HubFigures.NONE);
    }
}
