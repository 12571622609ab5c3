package org.weightscope.exposure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.weightscope.catalogue.Attribution;
import org.weightscope.catalogue.Attributor;
import org.weightscope.catalogue.Fixtures;
import org.weightscope.catalogue.HardwareThresholds;
import org.weightscope.catalogue.ModelFacts;
import org.weightscope.catalogue.Organization;
import org.weightscope.catalogue.OrganizationRegistry;
import org.weightscope.catalogue.ParentLookup;

/**
 * A small catalogue built only from recorded hub data (crawlers/fixtures, see PROVENANCE.md), attributed by the
 * real {@link Attributor}:
 * <ul>
 *   <li>the 50 {@code /api/models/{id}?full=True} bodies of 2024-12-09 (with their 30-day {@code downloads});</li>
 *   <li>the recorded GGUF model cards (front matter via {@code ModelCards.frontMatter}; no download figure);</li>
 *   <li>the five mistralai list items of the 2024-12-11 list capture (tags only).</li>
 * </ul>
 * Registry: the test registry {@code organizations-test.yaml} plus the real entries for {@code nvidia} and
 * {@code mistral-ai} from {@code crawlers/registry/organizations.yaml}, which the test registry lacks.
 */
final class CatalogueFixture {

    static final Path PRODUCTION_REGISTRY = Path.of("crawlers/registry/organizations.yaml");
    static final Map<String, String> CARDS = new LinkedHashMap<>();
    static final List<String> MISTRAL = List.of(
            "mistralai/Mistral-7B-Instruct-v0.2",
            "mistralai/Mistral-7B-v0.3",
            "mistralai/Mixtral-8x7B-Instruct-v0.1",
            "mistralai/Ministral-8B-Instruct-2410",
            "mistralai/Mistral-Large-Instruct-2411");

    static {
        CARDS.put("unsloth/DeepSeek-R1-0528-GGUF", "unsloth__DeepSeek-R1-0528-GGUF.README.md");
        CARDS.put("unsloth/DeepSeek-V3-0324-GGUF", "unsloth__DeepSeek-V3-0324-GGUF.README.md");
        CARDS.put("Qwen/Qwen3-32B-GGUF", "Qwen__Qwen3-32B-GGUF.README.md");
        CARDS.put("Qwen/Qwen3-30B-A3B-GGUF", "Qwen__Qwen3-30B-A3B-GGUF.README.md");
        CARDS.put("Qwen/Qwen2.5-1.5B-Instruct-GGUF", "Qwen__Qwen2.5-1.5B-Instruct-GGUF.README.md");
        CARDS.put("google/gemma-3-1b-it-qat-q4_0-gguf", "google__gemma-3-1b-it-qat-q4_0-gguf.README.md");
        CARDS.put("microsoft/phi-4-gguf", "microsoft__phi-4-gguf.README.md");
        CARDS.put(
                "lmstudio-community/Magistral-Small-2506-GGUF",
                "lmstudio-community__Magistral-Small-2506-GGUF.README.md");
    }

    private static List<ResolvedModel> models;

    private CatalogueFixture() {}

    static OrganizationRegistry registry() {
        OrganizationRegistry prod = OrganizationRegistry.load(PRODUCTION_REGISTRY);
        List<Organization> orgs = new ArrayList<>(Fixtures.testRegistry().all());
        orgs.add(prod.byId("nvidia").orElseThrow());
        orgs.add(prod.byId("mistral-ai").orElseThrow());
        return OrganizationRegistry.of(orgs);
    }

    static List<ModelFacts> facts() {
        List<ModelFacts> all = new ArrayList<>(Fixtures.full50().values());
        CARDS.forEach((id, file) -> all.add(Fixtures.fromCard(id, file)));
        for (String id : MISTRAL) all.add(Fixtures.listed(id));
        return all;
    }

    /** Recorded 30-day downloads by id (the list capture's values equal the full capture's for shared ids). */
    static Map<String, Long> downloads() {
        Map<String, Long> out = new HashMap<>();
        ObjectMapper json = new ObjectMapper();
        for (Path p : List.of(Fixtures.LIST_700, Fixtures.FULL_50)) {
            try {
                for (JsonNode n : json.readTree(p.toFile())) {
                    if (n.has("downloads"))
                        out.put(n.get("id").asText(), n.get("downloads").asLong());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    static synchronized List<ResolvedModel> models() {
        if (models == null) {
            Attributor attributor = new Attributor(registry(), Fixtures.RULES, HardwareThresholds.DEFAULTS);
            List<ModelFacts> facts = facts();
            ParentLookup parents = ParentLookup.of(facts);
            Map<String, Long> downloads = downloads();
            List<ResolvedModel> out = new ArrayList<>();
            for (ModelFacts f : facts) {
                Attribution a = attributor.attribute(f, parents);
                out.add(ResolvedModel.of(f.hub(), f.repoId(), a, downloads.get(f.repoId())));
            }
            models = List.copyOf(out);
        }
        return models;
    }

    static ResolvedModel model(String id) {
        return models().stream()
                .filter(m -> m.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(id));
    }

    static ModelLookup lookup() {
        return ModelLookup.of(models());
    }
}
