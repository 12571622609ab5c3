package org.weightscope.exposure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.weightscope.catalogue.Attribution;
import org.weightscope.catalogue.Fixtures;
import org.weightscope.catalogue.ModelFacts;
import org.weightscope.catalogue.ParentLookup;

class ResolverTest {

    /**
     * Recorded catalogue plus two Ollama entries. The recordings have no Ollama model facts, so gemma3:1b and
     * gemma3:4b are constructed (hub + id only); their origin still comes from the test registry (ollama: gemma3 → google).
     */
    static ModelLookup lookup() {
        List<ResolvedModel> all = new ArrayList<>(CatalogueFixture.models());
        var attributor = Fixtures.attributor();
        for (String id : List.of("gemma3:1b", "gemma3:4b")) {
            Attribution a = attributor.attribute(ModelFacts.of("ollama", id), ParentLookup.none());
            all.add(ResolvedModel.of("ollama", id, a, null));
        }
        return ModelLookup.of(all);
    }

    final Resolver resolver = new Resolver(lookup());

    @Test
    void hfIdsMatchCaseInsensitively() {
        Resolver.Resolution r = resolver.resolve(References.parse("QWEN/qwen2.5-72b-INSTRUCT"));
        assertThat(r.status()).isEqualTo("resolved");
        assertThat(r.model().id()).isEqualTo("Qwen/Qwen2.5-72B-Instruct");
        assertThat(r.notes()).isEmpty();
    }

    @Test
    void ollamaFamilyName_isAmbiguous() {
        Resolver.Resolution r = resolver.resolve(References.parse("ollama:gemma3"));
        assertThat(r.status()).isEqualTo("ambiguous");
        assertThat(r.candidates()).containsExactlyInAnyOrder("ollama:gemma3:1b", "ollama:gemma3:4b");
        assertThat(resolver.resolve(References.parse("gemma3")).status()).isEqualTo("ambiguous");
    }

    @Test
    void ollamaTag_resolvesExactly() {
        Resolver.Resolution r = resolver.resolve(References.parse("gemma3:4b"));
        assertThat(r.status()).isEqualTo("resolved");
        assertThat(r.model().uploaderOrigin()).containsExactly("US");
    }

    @Test
    void openRouterAndModelScope_fallBackToTheSameHfId() {
        Resolver.Resolution or =
                resolver.resolve(References.parse("https://openrouter.ai/meta-llama/llama-3.1-8b-instruct"));
        assertThat(or.status()).isEqualTo("resolved");
        assertThat(or.model().id()).isEqualTo("meta-llama/Llama-3.1-8B-Instruct");
        assertThat(or.notes()).singleElement().asString().contains("openrouter");
        Resolver.Resolution ms =
                resolver.resolve(References.parse("https://modelscope.cn/models/Qwen/Qwen2.5-72B-Instruct"));
        assertThat(ms.status()).isEqualTo("resolved");
        assertThat(ms.model().lineageOrigin()).containsExactly(new Attribution.OriginShare("CN", 1.0));
    }

    @Test
    void namespacedUnknown_staysUnknown_evenWithASameNamedModel() {
        // bartowski's repo of the same name is not the Qwen one: suggest, never resolve
        Resolver.Resolution r = resolver.resolve(References.parse("bartowski/Qwen3-32B-GGUF"));
        assertThat(r.status()).isEqualTo("unknown");
        assertThat(r.candidates()).containsExactly("huggingface:Qwen/Qwen3-32B-GGUF");
        assertThat(resolver.resolve(References.parse("acme/nothing-like-it")).candidates())
                .isEmpty();
    }

    @Test
    void bareUniqueName_resolves() {
        Resolver.Resolution r = resolver.resolve(References.parse("Mistral-7B-Instruct-v0.2"));
        assertThat(r.status()).isEqualTo("resolved");
        assertThat(r.model().id()).isEqualTo("mistralai/Mistral-7B-Instruct-v0.2");
        assertThat(r.notes()).containsExactly("matched by name");
    }
}
