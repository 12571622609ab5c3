package org.weightscope.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class OrganizationRegistryTest {

    @Test
    void testRegistry_isValid_andReadsEveryField() {
        OrganizationRegistry r = Fixtures.testRegistry();
        assertThat(r.validate()).isEmpty();
        Organization qwen = r.byId("alibaba-qwen").orElseThrow();
        assertThat(qwen.name()).isEqualTo("Alibaba Cloud – Qwen team");
        assertThat(qwen.countries()).containsExactly("CN");
        assertThat(qwen.type()).isEqualTo("big-tech");
        assertThat(qwen.role()).isEqualTo("developer");
        assertThat(qwen.parent()).isEqualTo("alibaba");
        assertThat(qwen.namespaces().get("ollama")).containsExactly("qwen2.5", "qwen3");
        assertThat(qwen.evidence()).containsEntry("CN", "https://en.wikipedia.org/wiki/Qwen");
        assertThat(qwen.epochName()).isEqualTo("Alibaba");
        assertThat(r.all()).hasSize(13);
        assertThat(r.byId("unsloth").orElseThrow().isRedistributor()).isTrue();
    }

    @Test
    void namespaceLookup_exactThenCaseInsensitive_perHub() {
        OrganizationRegistry r = Fixtures.testRegistry();
        assertThat(r.byNamespace("huggingface", "Qwen")).map(Organization::id).contains("alibaba-qwen");
        assertThat(r.byNamespace("huggingface", "qwen")).map(Organization::id).contains("alibaba-qwen");
        assertThat(r.byNamespace("HuggingFace", "QWEN")).map(Organization::id).contains("alibaba-qwen");
        assertThat(r.byNamespace("openrouter", "qwen")).map(Organization::id).contains("alibaba-qwen");
        assertThat(r.byNamespace("ollama", "qwen3")).map(Organization::id).contains("alibaba-qwen");
        assertThat(r.byNamespace("modelscope", "meta-llama")).isEmpty(); // not mapped on that hub
        assertThat(r.byNamespace("huggingface", "nobody")).isEmpty();
        assertThat(r.byNamespace("huggingface", null)).isEmpty();
    }

    @Test
    void ollamaAndOpenRouterIds_resolveThroughTheirNamespaces() {
        Attributor a = Fixtures.attributor();
        assertThat(a.attribute(ModelFacts.of("ollama", "gemma3"), ParentLookup.none())
                        .uploaderOrg())
                .isEqualTo("google");
        assertThat(a.attribute(ModelFacts.of("ollama", "qwen3:8b"), ParentLookup.none())
                        .uploaderOrigin())
                .containsExactly("CN");
        assertThat(a.attribute(ModelFacts.of("openrouter", "qwen/qwen3-8b"), ParentLookup.none())
                        .uploaderOrg())
                .isEqualTo("alibaba-qwen");
        assertThat(a.attribute(ModelFacts.of("openrouter", "anthropic/claude"), ParentLookup.none())
                        .uploaderOrigin())
                .containsExactly("unattributed");
    }

    @Test
    void brokenRegistry_reportsEveryProblemNamingEntryAndField() {
        OrganizationRegistry r = OrganizationRegistry.read(Fixtures.BROKEN_REGISTRY);
        List<String> errors = r.validate();
        assertThat(errors).anyMatch(e -> e.contains("(bad-country)") && e.contains("countries") && e.contains("'XX'"));
        assertThat(errors)
                .anyMatch(e -> e.contains("(dup-namespace)")
                        && e.contains("namespaces.huggingface")
                        && e.contains("'Good'")
                        && e.contains("good-org"));
        assertThat(errors).anyMatch(e -> e.contains("(no-evidence)") && e.contains("evidence") && e.contains("JP"));
        assertThat(errors).noneMatch(e -> e.contains("(no-evidence)") && e.contains("country DE"));
        assertThat(errors).anyMatch(e -> e.contains("(bad-enums)") && e.contains("type") && e.contains("megacorp"));
        assertThat(errors).anyMatch(e -> e.contains("(bad-enums)") && e.contains("role") && e.contains("reseller"));
        assertThat(errors).anyMatch(e -> e.contains("(bad-enums)") && e.contains("parent") && e.contains("nowhere"));
        assertThat(errors).anyMatch(e -> e.contains("organizations[5] (good-org)") && e.contains("duplicate id"));
        assertThat(errors).noneMatch(e -> e.contains("organizations[0]"));
        assertThat(errors).hasSize(7);
    }

    @Test
    void load_throwsWithAllErrors() {
        assertThatThrownBy(() -> OrganizationRegistry.load(Fixtures.BROKEN_REGISTRY))
                .isInstanceOf(RegistryException.class)
                .satisfies(e -> assertThat(((RegistryException) e).errors()).hasSize(7))
                .hasMessageContaining("bad-country");
    }
}
