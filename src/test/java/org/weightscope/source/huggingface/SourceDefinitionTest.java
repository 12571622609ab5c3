package org.weightscope.source.huggingface;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.weightscope.source.SourceDefinition;
import org.weightscope.source.SourceDefinitionException;
import org.weightscope.source.SourceDefinitions;

/** crawlers/huggingface.yaml binds to validated records; a bad value names the file and the field. */
class SourceDefinitionTest {

    static final Path FILE = Path.of("crawlers/huggingface.yaml");

    @Test
    void theShippedDefinitionIsValid() {
        SourceDefinition d = new SourceDefinitions(Path.of("crawlers")).get("huggingface");
        assertThat(d.kind()).isEqualTo("hub");
        assertThat(d.baseUrl().toString()).isEqualTo("https://huggingface.co");
        assertThat(d.pageSize()).isEqualTo(1000);
        assertThat(d.rateLimit().perSecond()).isEqualTo(4.0);
        HuggingFaceSettings hf = SourceDefinitions.bind(d, "huggingface", HuggingFaceSettings.class);
        assertThat(hf.expand()).contains("author", "createdAt", "lastModified", "downloads", "downloadsAllTime", "likes",
                "tags", "pipeline_tag", "library_name", "cardData", "safetensors", "gguf", "gated", "sha");
        assertThat(hf.userAgent()).isEqualTo("Weightscope/0.1 (+https://github.com/weightscope/weightscope)");
        assertThat(hf.scopes()).containsOnlyKeys("tracked", "full");
        assertThat(hf.scopes().get("tracked").topN()).isEqualTo(1000);
    }

    @Test
    void aBadScheduleNamesFileAndField(@TempDir Path dir) throws Exception {
        Path bad = write(dir, "schedule: \"0 0 3 * * ?\"", "schedule: \"every day\"");
        assertThatThrownBy(() -> SourceDefinitions.load(bad)).isInstanceOf(SourceDefinitionException.class)
                .hasMessageContaining(bad.toString()).hasMessageContaining("field 'schedule'");
    }

    @Test
    void aBadRateLimitOrPageSizeNamesTheField(@TempDir Path dir) throws Exception {
        assertThatThrownBy(() -> SourceDefinitions.load(write(dir, "rateLimit: 4/s", "rateLimit: fast")))
                .hasMessageContaining("field 'rateLimit'");
        assertThatThrownBy(() -> SourceDefinitions.load(write(dir, "pageSize: 1000", "pageSize: 0")))
                .hasMessageContaining("field 'pageSize'");
        assertThatThrownBy(() -> SourceDefinitions.load(write(dir, "baseUrl: https://huggingface.co", "baseUrl: huggingface.co")))
                .hasMessageContaining("field 'baseUrl'");
    }

    @Test
    void aBadHubSpecificFieldNamesItsPath(@TempDir Path dir) throws Exception {
        SourceDefinition d = SourceDefinitions.load(write(dir, "      topN: 1000", "      topN: many"));
        assertThatThrownBy(() -> SourceDefinitions.bind(d, "huggingface", HuggingFaceSettings.class))
                .isInstanceOf(SourceDefinitionException.class)
                .hasMessageContaining("huggingface.yaml").hasMessageContaining("huggingface.scopes.tracked.topN");
        SourceDefinition unknown = SourceDefinitions.load(write(dir, "  tokenEnv: HF_TOKEN", "  tokenEnv: HF_TOKEN\n  colour: red"));
        assertThatThrownBy(() -> SourceDefinitions.bind(unknown, "huggingface", HuggingFaceSettings.class))
                .hasMessageContaining("huggingface.colour");
    }

    private static Path write(Path dir, String from, String to) throws Exception {
        String yaml = Files.readString(FILE);
        assertThat(yaml).contains(from);
        Path out = dir.resolve("huggingface.yaml");
        Files.writeString(out, yaml.replace(from, to));
        return out;
    }
}
