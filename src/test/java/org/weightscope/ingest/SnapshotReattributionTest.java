package org.weightscope.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.weightscope.IntegrationTest;
import org.weightscope.TestRegistry;
import org.weightscope.catalogue.AttributionRules;
import org.weightscope.catalogue.CatalogueHistory;
import org.weightscope.catalogue.ModelSnapshot;
import org.weightscope.catalogue.Reattribution;

/**
 * Re-application rewrites the daily snapshots too (the weekly series are computed on them), so every
 * stored figure cites the new rule version without a crawl.
 */
@SpringBootTest(properties = "weightscope.recordings.import-on-empty=false")
class SnapshotReattributionTest extends IntegrationTest {

    static final Path REGISTRY = TestRegistry.copy();

    @DynamicPropertySource
    static void sources(DynamicPropertyRegistry registry) {
        registry.add(
                "weightscope.sources.dir",
                () -> org.weightscope.HuggingFaceOnlySources.dir().toString());
        registry.add("weightscope.attribution.registry-dir", REGISTRY::toString);
    }

    @Autowired
    RecordingImport recordings;

    @Autowired
    CatalogueHistory history;

    @Autowired
    Reattribution reattribution;

    @Autowired
    AttributionRules rules;

    @Test
    void aRuleEditReachesEverySnapshot() throws Exception {
        recordings.importAll();
        // unsloth/Qwen3.8-27B-GGUF, recorded 2026-08-17 and 08-22, traced by name to Qwen (CN)
        String id = "hf:unsloth/Qwen3.8-27B-GGUF";
        ModelSnapshot before =
                history.snapshot(id, LocalDate.parse("2026-08-17")).orElseThrow();
        assertThat(before.attribution().lineageCountries()).containsExactly("CN");
        String oldVersion = rules.version();

        // the Qwen team moved to SG in a throw-away copy of the registry: a new rule version
        Path file = REGISTRY.resolve("organizations.yaml");
        String yaml = Files.readString(file);
        String qwen = yaml.substring(yaml.indexOf("  - id: alibaba-qwen"));
        qwen = qwen.substring(0, qwen.indexOf("\n\n"));
        Files.writeString(
                file,
                yaml.replace(
                        qwen,
                        qwen.replace("countries: [CN]", "countries: [SG]")
                                .replace(
                                        "CN: https://en.wikipedia.org/wiki/Qwen",
                                        "SG: https://example.org/constructed-test-evidence")));
        reattribution.reapply();

        assertThat(rules.version()).isNotEqualTo(oldVersion);
        for (String day : new String[] {"2026-08-17", "2026-08-22"}) {
            ModelSnapshot after = history.snapshot(id, LocalDate.parse(day)).orElseThrow();
            assertThat(after.attribution().ruleVersion()).isEqualTo(rules.version());
            assertThat(after.attribution().lineageCountries()).containsExactly("SG");
            assertThat(after.downloads30d())
                    .isEqualTo(history.snapshot(id, LocalDate.parse(day))
                            .orElseThrow()
                            .downloads30d());
            assertThat(after.originCredit()).anySatisfy(c -> {
                assertThat(c.view()).isEqualTo("lineage");
                assertThat(c.country()).isEqualTo("SG");
                assertThat(c.downloads30d()).isEqualTo((double) after.downloads30d());
            });
        }
    }
}
