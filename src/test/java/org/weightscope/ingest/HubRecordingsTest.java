package org.weightscope.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.weightscope.catalogue.CatalogueService.Observation;

/** The bundled Hugging Face recordings read as dated model lists (values checked against the files). */
class HubRecordingsTest {

    private final HubRecordings recordings = new HubRecordings();

    @Test
    void readsEveryDatedListAndTrendingCaptureOldestFirst() throws Exception {
        List<HubRecordings.Recording> all = recordings.readAll(Path.of("crawlers/fixtures"));
        // 4 /api/models list captures + 26 /api/trending captures (PROVENANCE.md)
        assertThat(all).hasSize(30);
        assertThat(all.get(0).captured()).isEqualTo(LocalDate.of(2024, 11, 25));
        assertThat(all.get(all.size() - 1).captured()).isEqualTo(LocalDate.of(2026, 8, 22));
        assertThat(all.stream().filter(r -> r.file().toString().contains("concat700")).findFirst().orElseThrow()
                .models()).hasSize(700);
    }

    @Test
    void followsOneModelAcrossThreeListCaptures() throws Exception {
        List<Long> coder = recordings.readAll(Path.of("crawlers/fixtures")).stream()
                .filter(r -> r.captured().isBefore(LocalDate.of(2024, 12, 10)))
                .flatMap(r -> r.models().stream())
                .filter(m -> m.facts().repoId().equals("Qwen/Qwen2.5-Coder-32B-Instruct"))
                .map(m -> m.figures().downloads30d()).toList();
        assertThat(coder).containsExactly(78203L, 156731L, 258755L);
    }

    @Test
    void trendingCapturesCarryTheAuthor() throws Exception {
        Observation glm = recordings.readAll(Path.of("crawlers/fixtures")).stream()
                .filter(r -> r.captured().equals(LocalDate.of(2026, 8, 3)))
                .flatMap(r -> r.models().stream())
                .filter(m -> m.facts().repoId().equals("zai-org/GLM-5.2")).findFirst().orElseThrow();
        assertThat(glm.facts().namespace()).isEqualTo("zai-org");
        assertThat(glm.figures().downloads30d()).isEqualTo(2050533L);
        assertThat(glm.facts().totalParameters()).isPositive();
    }
}
