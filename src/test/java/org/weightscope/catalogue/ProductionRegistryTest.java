package org.weightscope.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The shipped registry (crawlers/registry/organizations.yaml) and the named-model attributions it gives
 * over the recordings — the figures a user sees, not the test registry's.
 */
class ProductionRegistryTest {

    static final Path REGISTRY = Path.of("crawlers/registry");
    static final Set<String> ISO = Set.of(Locale.getISOCountries());

    @Test
    void everyEntryHasAValidCountryTypeAndEvidenceAndNoNamespaceIsMappedTwice() {
        OrganizationRegistry registry = OrganizationRegistry.load(REGISTRY.resolve("organizations.yaml"));
        assertThat(registry.validate()).isEmpty();
        assertThat(registry.all()).hasSizeGreaterThanOrEqualTo(150);
        Set<String> seen = new HashSet<>();
        for (Organization org : registry.all()) {
            // a typed namespace without a publicly stated base has no country (its models stay unattributed)
            if (org.countries().isEmpty())
                assertThat(org.evidence()).as(org.id()).isEmpty();
            for (String country : org.countries()) {
                assertThat(ISO).as(org.id() + " country").contains(country);
                assertThat(org.evidence().get(country))
                        .as(org.id() + " evidence for " + country)
                        .startsWith("http");
            }
            assertThat(OrganizationRegistry.TYPES).as(org.id() + " type").contains(org.type());
            org.namespaces()
                    .forEach((hub, names) ->
                            names.forEach(ns -> assertThat(seen.add(hub + "/" + ns.toLowerCase(Locale.ROOT)))
                                    .as(hub + " namespace " + ns + " mapped twice")
                                    .isTrue()));
        }
        for (String ns : new String[] {
            "Qwen",
            "deepseek-ai",
            "zai-org",
            "THUDM",
            "moonshotai",
            "MiniMaxAI",
            "baidu",
            "tencent",
            "ByteDance",
            "internlm",
            "OpenGVLab",
            "BAAI",
            "01-ai",
            "stepfun-ai",
            "XiaomiMiMo",
            "meta-llama",
            "google",
            "microsoft",
            "nvidia",
            "openai",
            "ibm-granite",
            "allenai",
            "mistralai",
            "CohereLabs",
            "tiiuae",
            "LGAI-EXAONE",
            "ai4bharat",
            "unsloth"
        }) {
            assertThat(registry.byNamespace("huggingface", ns))
                    .as("registry covers " + ns)
                    .isPresent();
        }
        assertThat(registry.byNamespace("huggingface", "Qwen").orElseThrow().countries())
                .containsExactly("CN");
        assertThat(registry.byNamespace("huggingface", "meta-llama")
                        .orElseThrow()
                        .countries())
                .containsExactly("US");
        assertThat(registry.byNamespace("huggingface", "mistralai")
                        .orElseThrow()
                        .countries())
                .containsExactly("FR");
    }

    @Test
    void namedModelsWithTheShippedRegistry() {
        Attributor attributor = Attributor.load(REGISTRY);
        ParentLookup catalogue = ParentLookup.of(Fixtures.full50().values());

        Attribution llama = attributor.attribute(Fixtures.full("meta-llama/Llama-3.3-70B-Instruct"), catalogue);
        assertThat(llama.uploaderOrigin()).containsExactly("US");
        assertThat(llama.lineageCountries()).containsExactly("US");
        assertThat(llama.licence().id()).isEqualTo("llama3.3");
        assertThat(llama.licence().clazz()).isEqualTo("open-weights-restricted");
        assertThat(llama.hardware().weightsBytes()).isEqualTo(70_553_706_496L * 2);
        assertThat(llama.hardware().clazz()).isEqualTo("multi-gpu");

        // a fine-tune of a Qwen base by an account the shipped registry has no evidence for: the uploader
        // stays unattributed (never guessed), the lineage is still Chinese
        Attribution athene = attributor.attribute(Fixtures.full("Nexusflow/Athene-V2-Chat"), catalogue);
        assertThat(athene.uploaderOrigin()).containsExactly("unattributed");
        assertThat(athene.lineageCountries()).containsExactly("CN");

        // a US re-packager's GGUF of a Chinese model, from its recorded card
        Attribution r1 = attributor.attribute(
                Fixtures.fromCard("unsloth/DeepSeek-R1-0528-GGUF", "unsloth__DeepSeek-R1-0528-GGUF.README.md"),
                catalogue);
        assertThat(r1.uploaderOrigin()).containsExactly("US");
        assertThat(r1.lineageCountries()).containsExactly("CN");
        assertThat(r1.licence().id()).isEqualTo("mit");
        assertThat(r1.licence().clazz()).isEqualTo("permissive");

        Attribution qwen = attributor.attribute(
                Fixtures.fromCard("Qwen/Qwen3-32B-GGUF", "Qwen__Qwen3-32B-GGUF.README.md"), catalogue);
        assertThat(qwen.uploaderOrigin()).containsExactly("CN");
        assertThat(qwen.lineageCountries()).containsExactly("CN");
        assertThat(qwen.licence().id()).isEqualTo("apache-2.0");
        assertThat(qwen.hardware().basis()).isEqualTo("name");
        assertThat(qwen.hardware().estimated()).isTrue();

        System.out.println("\nNamed models with the shipped registry:");
        for (String id : new String[] {
            "meta-llama/Llama-3.3-70B-Instruct",
            "Nexusflow/Athene-V2-Chat",
            "Qwen/Qwen2.5-Coder-32B-Instruct",
            "openai/whisper-large-v3-turbo"
        }) {
            if (!Fixtures.full50().containsKey(id)) {
                continue;
            }
            Attribution a = attributor.attribute(Fixtures.full(id), catalogue);
            System.out.printf(
                    "  %-38s uploader %-4s lineage %-4s licence %-12s %-24s hardware %-15s %,d bytes (%s) sectors %s%n",
                    id,
                    a.uploaderOrigin(),
                    a.lineageCountries(),
                    a.licence().id(),
                    a.licence().clazz(),
                    a.hardware().clazz(),
                    a.hardware().weightsBytes() == null ? 0 : a.hardware().weightsBytes(),
                    a.hardware().basis(),
                    a.sectors());
        }
    }
}
