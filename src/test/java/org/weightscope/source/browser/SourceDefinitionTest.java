package org.weightscope.source.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The three crawlers/*.yaml bind and validate; a broken file names itself and the field. */
class SourceDefinitionTest {

    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"openrouter", "modelscope", "ollama"})
    void shippedDefinitionsAreValid(String hub) {
        SourceDefinition d = SourceDefinition.load(Path.of("crawlers", hub + ".yaml"));
        assertThat(d.id()).isEqualTo(hub);
        assertThat(d.robotsTxt()).isTrue();
        assertThat(d.userAgent()).isEqualTo("Weightscope/0.1 (+https://github.com/weightscope/weightscope)");
    }

    @Test
    void ollamaSelectorsAndModelScopePageSize() {
        SourceDefinition o = SourceDefinition.load(Path.of("crawlers/ollama.yaml"));
        assertThat(o.kind()).isEqualTo("html");
        assertThat(o.selector("item")).isEqualTo("li[x-test-model]");
        assertThat(o.selector("pullCount")).isEqualTo("span[x-test-pull-count]");
        assertThat(SourceDefinition.load(Path.of("crawlers/modelscope.yaml")).pageSize()).isEqualTo(100);
    }

    @Test
    void missingOrBlankRequiredFieldNamesFileAndField() throws IOException {
        String good = Files.readString(Path.of("crawlers/ollama.yaml"));
        Path noSchedule = write("no-schedule.yaml", good.replaceAll("(?m)^schedule:.*$", ""));
        assertThatThrownBy(() -> SourceDefinition.load(noSchedule)).isInstanceOf(SourceException.class)
                .hasMessageContaining("no-schedule.yaml").hasMessageContaining("'schedule'");
        Path blankUrl = write("blank-url.yaml", good.replaceAll("(?m)^baseUrl:.*$", "baseUrl: \"\""));
        assertThatThrownBy(() -> SourceDefinition.load(blankUrl)).hasMessageContaining("blank-url.yaml").hasMessageContaining("'baseUrl'");
        Path badCron = write("bad-cron.yaml", good.replaceAll("(?m)^schedule:.*$", "schedule: \"every day\""));
        assertThatThrownBy(() -> SourceDefinition.load(badCron)).hasMessageContaining("'schedule'").hasMessageContaining("Quartz");
        Path zeroRate = write("zero-rate.yaml", good.replaceAll("(?m)^rateLimit:.*$", "rateLimit: 0"));
        assertThatThrownBy(() -> SourceDefinition.load(zeroRate)).hasMessageContaining("'rateLimit'");
        Path blankSelector = write("blank-sel.yaml", good.replace("pullCount: \"span[x-test-pull-count]\"", "pullCount: \" \""));
        assertThatThrownBy(() -> SourceDefinition.load(blankSelector)).hasMessageContaining("selectors.pullCount");
    }

    @Test
    void misspeltKeyIsRejectedNotIgnored() throws IOException {
        Path typo = write("typo.yaml", Files.readString(Path.of("crawlers/ollama.yaml")).replace("rateLimit:", "rateLimt:"));
        assertThatThrownBy(() -> SourceDefinition.load(typo)).isInstanceOf(SourceException.class)
                .hasMessageContaining("typo.yaml").hasMessageContaining("rateLimt");
    }

    private Path write(String name, String text) throws IOException {
        Path p = tmp.resolve(name);
        Files.writeString(p, text);
        return p;
    }
}
