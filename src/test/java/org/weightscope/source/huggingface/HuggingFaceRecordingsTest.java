package org.weightscope.source.huggingface;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.weightscope.source.RawItem;
import org.weightscope.source.Recording;

/** The bundled Hugging Face recordings read as dated days (values checked against the files). */
class HuggingFaceRecordingsTest {

    private final List<Recording> all = new HuggingFaceRecordings().readAll(Path.of("crawlers/fixtures"));

    @Test
    void readsEveryRecordedDayOldestFirst() {
        // 4 /api/models list captures + 26 /api/trending captures; the 50 ?full=True bodies share 2024-12-09
        assertThat(all).hasSize(30);
        assertThat(all.getFirst().day()).isEqualTo(LocalDate.of(2024, 11, 25));
        assertThat(all.getLast().day()).isEqualTo(LocalDate.of(2026, 8, 22));
        assertThat(day(2024, 12, 11).models()).hasSize(700);
        assertThat(day(2024, 12, 9).files())
                .containsExactly(
                        "api-models_limit50_trending_2024-12-09.json", "api-models-id-full_50models_2024-12-09.json");
        assertThat(all.stream().mapToInt(r -> r.models().size()).sum()).isEqualTo(1070);
    }

    @Test
    void theFullBodiesCompleteTheListItemsOfTheirDay() {
        Recording.Item recorded = model(day(2024, 12, 9), "meta-llama/Llama-3.3-70B-Instruct");
        RawItem llama = recorded.item();
        assertThat(llama.cardData().get("license")).isEqualTo("llama3.3");
        assertThat(llama.figures().gated()).isEqualTo("manual");
        assertThat(llama.figures().downloads30d()).isEqualTo(26987L);
        assertThat(llama.totalParameters()).isEqualTo(70553706496L);
        assertThat(llama.author()).isEqualTo("meta-llama");
        assertThat(recorded.file()).isEqualTo("api-models-id-full_50models_2024-12-09.json");
    }

    @Test
    void followsOneModelAcrossThreeListCaptures() {
        List<Long> coder = all.stream()
                .filter(r -> r.day().isBefore(LocalDate.of(2024, 12, 10)))
                .flatMap(r -> r.models().stream())
                .map(Recording.Item::item)
                .filter(m -> m.repoId().equals("Qwen/Qwen2.5-Coder-32B-Instruct"))
                .map(i -> i.figures().downloads30d())
                .toList();
        assertThat(coder).containsExactly(78203L, 156731L, 258755L);
    }

    @Test
    void trendingCapturesCarryTheAuthorAndParameters() {
        RawItem glm = model(day(2026, 8, 3), "zai-org/GLM-5.2").item();
        assertThat(glm.author()).isEqualTo("zai-org");
        assertThat(glm.figures().downloads30d()).isEqualTo(2050533L);
        assertThat(glm.totalParameters()).isPositive();
    }

    private Recording day(int y, int m, int d) {
        return all.stream()
                .filter(r -> r.day().equals(LocalDate.of(y, m, d)))
                .findFirst()
                .orElseThrow();
    }

    private static Recording.Item model(Recording r, String id) {
        return r.models().stream()
                .filter(o -> o.item().repoId().equals(id))
                .findFirst()
                .orElseThrow();
    }
}
