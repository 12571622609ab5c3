package org.weightscope.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.weightscope.source.huggingface.HuggingFaceSettings;

/** Every crawlers/*.yaml loads into the one SourceDefinition; a broken file names itself and the field. */
class SourceDefinitionTest {

    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"huggingface", "openrouter", "modelscope", "ollama"})
    void shippedDefinitionsAreValid(String hub) {
        SourceDefinition d = new SourceDefinitions(Path.of("crawlers")).get(hub);
        assertThat(d.id()).isEqualTo(hub);
        assertThat(d.userAgent()).isEqualTo("Weightscope/0.1 (+https://github.com/weightscope/weightscope)");
        assertThat(d.scopes()).isNotEmpty();
    }

    @Test
    void theShippedValuesAreRead() {
        SourceDefinitions all = new SourceDefinitions(Path.of("crawlers"));
        SourceDefinition hf = all.get("huggingface");
        assertThat(hf.kind()).isEqualTo(SourceDefinition.Kind.JSON);
        assertThat(hf.baseUrl().toString()).isEqualTo("https://huggingface.co");
        assertThat(hf.pageSize()).isEqualTo(1000);
        assertThat(hf.rateLimit().perSecond()).isEqualTo(4.0);
        assertThat(hf.retry().attempts()).isEqualTo(5);
        assertThat(hf.retry().first()).isEqualTo(Duration.ofSeconds(2));
        assertThat(hf.timeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(hf.scopes()).containsOnlyKeys("tracked", "full");
        // only the scope declared complete infers removals; a scope without schedule takes the file's
        assertThat(hf.scope("full").complete()).isTrue();
        assertThat(hf.scope("tracked").complete()).isFalse();
        assertThat(all.get("ollama").scope("newest")).isEqualTo(new SourceDefinition.Scope("0 30 5 * * ?", false));
        HuggingFaceSettings settings = hf.bind(HuggingFaceSettings.class);
        assertThat(settings.expand())
                .contains(
                        "author",
                        "createdAt",
                        "lastModified",
                        "downloads",
                        "downloadsAllTime",
                        "likes",
                        "tags",
                        "pipeline_tag",
                        "library_name",
                        "cardData",
                        "safetensors",
                        "gguf",
                        "gated",
                        "sha");
        assertThat(settings.topN()).isEqualTo(1000);

        SourceDefinition ollama = all.get("ollama");
        assertThat(ollama.kind()).isEqualTo(SourceDefinition.Kind.HTML);
        assertThat(ollama.robotsTxt()).isTrue();
        assertThat(ollama.selector("item")).isEqualTo("li[x-test-model]");
        assertThat(ollama.selector("pullCount")).isEqualTo("span[x-test-pull-count]");
        assertThat(all.get("modelscope").pageSize()).isEqualTo(100);
        assertThat(all.get("openrouter").rateLimit().perSecond()).isEqualTo(0.5);
    }

    @Test
    void overridesReplaceFieldsBeforeValidation() {
        SourceDefinition d = SourceDefinitions.load(
                Path.of("crawlers/huggingface.yaml"),
                Map.of(
                        "base-url",
                        "http://127.0.0.1:1234",
                        "ratelimit",
                        "2000/s",
                        "retry.backoff",
                        "20ms",
                        "pageSize",
                        "100",
                        "huggingface.topN",
                        "7"));
        assertThat(d.baseUrl().toString()).isEqualTo("http://127.0.0.1:1234");
        assertThat(d.rateLimit().perSecond()).isEqualTo(2000.0);
        assertThat(d.retry().first()).isEqualTo(Duration.ofMillis(20));
        assertThat(d.retry().attempts()).isEqualTo(5);
        assertThat(d.pageSize()).isEqualTo(100);
        assertThat(d.bind(HuggingFaceSettings.class).topN()).isEqualTo(7);
        assertThatThrownBy(() ->
                        SourceDefinitions.load(Path.of("crawlers/huggingface.yaml"), Map.of("baseUrl", "nowhere")))
                .isInstanceOf(SourceDefinitionException.class)
                .hasMessageContaining("field 'baseUrl'");
    }

    @Test
    void missingOrBadFieldsNameFileAndField() throws IOException {
        String good = Files.readString(Path.of("crawlers/ollama.yaml"));
        assertThatThrownBy(() -> load("ollama", good.replaceAll("(?m)^schedule:.*$", "")))
                .isInstanceOf(SourceDefinitionException.class)
                .hasMessageContaining("ollama.yaml")
                .hasMessageContaining("'schedule'");
        assertThatThrownBy(() -> load("ollama", good.replaceAll("(?m)^baseUrl:.*$", "baseUrl: \"\"")))
                .hasMessageContaining("ollama.yaml")
                .hasMessageContaining("'baseUrl'");
        assertThatThrownBy(() -> load("ollama", good.replaceAll("(?m)^baseUrl:.*$", "baseUrl: ollama.com")))
                .hasMessageContaining("field 'baseUrl'");
        assertThatThrownBy(() -> load("ollama", good.replaceAll("(?m)^schedule:.*$", "schedule: \"every day\"")))
                .hasMessageContaining("field 'schedule'")
                .hasMessageContaining("Quartz");
        assertThatThrownBy(() -> load("ollama", good.replaceAll("(?m)^rateLimit:.*$", "rateLimit: 0")))
                .hasMessageContaining("'rateLimit'");
        assertThatThrownBy(() -> load("ollama", good.replaceAll("(?m)^rateLimit:.*$", "rateLimit: fast")))
                .hasMessageContaining("'rateLimit'");
        assertThatThrownBy(() ->
                        load("ollama", good.replace("pullCount: \"span[x-test-pull-count]\"", "pullCount: \" \"")))
                .hasMessageContaining("selectors.pullCount");
        assertThatThrownBy(() -> load("ollama", good.replaceAll("(?m)^kind:.*$", "kind: ftp")))
                .hasMessageContaining("field 'kind'");
        assertThatThrownBy(() -> load("ollama", good.replace("  newest: {}", "  newest: {schedule: \"sometimes\"}")))
                .hasMessageContaining("field 'scopes.newest.schedule'");
        String hf = Files.readString(Path.of("crawlers/huggingface.yaml"));
        assertThatThrownBy(() -> load("huggingface", hf.replace("pageSize: 1000", "pageSize: 0")))
                .hasMessageContaining("field 'pageSize'");
        assertThatThrownBy(() -> load("huggingface", hf.replace("backoff: 2s", "backoff: soon")))
                .hasMessageContaining("field 'retry.backoff'");
    }

    @Test
    void misspeltKeyIsRejectedNotIgnored() throws IOException {
        String good = Files.readString(Path.of("crawlers/ollama.yaml"));
        assertThatThrownBy(() -> load("ollama", good.replace("rateLimit:", "rateLimt:")))
                .isInstanceOf(SourceDefinitionException.class)
                .hasMessageContaining("ollama.yaml")
                .hasMessageContaining("rateLimt");
    }

    @Test
    void aBadHubSpecificFieldNamesItsPath() throws IOException {
        String hf = Files.readString(Path.of("crawlers/huggingface.yaml"));
        SourceDefinition many = load("huggingface", hf.replace("  topN: 1000", "  topN: many"));
        assertThatThrownBy(() -> many.bind(HuggingFaceSettings.class))
                .isInstanceOf(SourceDefinitionException.class)
                .hasMessageContaining("huggingface.yaml")
                .hasMessageContaining("huggingface.topN");
        SourceDefinition unknown =
                load("huggingface", hf.replace("  tokenEnv: HF_TOKEN", "  tokenEnv: HF_TOKEN\n  colour: red"));
        assertThatThrownBy(() -> unknown.bind(HuggingFaceSettings.class)).hasMessageContaining("huggingface.colour");
    }

    private SourceDefinition load(String id, String yaml) throws IOException {
        Path p = tmp.resolve(id + ".yaml");
        Files.writeString(p, yaml);
        return SourceDefinitions.load(p);
    }
}
