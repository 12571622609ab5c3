package org.weightscope.catalogue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Test helper: turns the recorded hub responses under crawlers/fixtures into {@link ModelFacts}. */
public final class Fixtures {

    public static final Path HF = Path.of("crawlers/fixtures/huggingface");
    public static final Path FULL_50 = HF.resolve("api-models-id-full_50models_2024-12-09.json");
    public static final Path LIST_700 = HF.resolve("api-models_trending_concat700_2024-12-11.json");
    public static final Path CARDS = HF.resolve("model-cards");
    public static final Path RULES = Path.of("crawlers/registry");
    public static final Path TEST_REGISTRY = Path.of("src/test/resources/registry/organizations-test.yaml");
    public static final Path BROKEN_REGISTRY = Path.of("src/test/resources/registry/organizations-broken.yaml");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static Map<String, ModelFacts> full50;
    private static Map<String, ModelFacts> list700;

    private Fixtures() {}

    public static OrganizationRegistry testRegistry() {
        return OrganizationRegistry.load(TEST_REGISTRY);
    }

    public static Attributor attributor() {
        return new Attributor(testRegistry(), RULES, HardwareThresholds.DEFAULTS);
    }

    /** The 50 {@code /api/models/{id}?full=True} bodies, by id, in file order. */
    public static synchronized Map<String, ModelFacts> full50() {
        if (full50 == null) full50 = readHfArray(FULL_50);
        return full50;
    }

    /** The 700 list items (no cardData, no safetensors: tags only). */
    public static synchronized Map<String, ModelFacts> list700() {
        if (list700 == null) list700 = readHfArray(LIST_700);
        return list700;
    }

    public static ModelFacts full(String id) {
        ModelFacts f = full50().get(id);
        if (f == null) throw new IllegalArgumentException("not in " + FULL_50 + ": " + id);
        return f;
    }

    public static ModelFacts listed(String id) {
        ModelFacts f = list700().get(id);
        if (f == null) throw new IllegalArgumentException("not in " + LIST_700 + ": " + id);
        return f;
    }

    /** Facts from a recorded README.md: front matter as cardData, the rest as card text. */
    public static ModelFacts fromCard(String repoId, String fileName) {
        String md = read(CARDS.resolve(fileName));
        Map<String, Object> front = ModelCards.frontMatter(md);
        List<String> tags = new ArrayList<>();
        if (front.get("tags") instanceof List<?> l) l.forEach(t -> tags.add(String.valueOf(t)));
        return new ModelFacts("huggingface", repoId, null, (String) front.get("pipeline_tag"),
                (String) front.get("library_name"), tags, front, Map.of(), null, null, ModelCards.body(md));
    }

    public static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, ModelFacts> readHfArray(Path file) {
        try {
            List<Map<String, Object>> items = JSON.readValue(file.toFile(), new TypeReference<>() {});
            Map<String, ModelFacts> out = new LinkedHashMap<>();
            for (Map<String, Object> m : items) {
                Map<String, Long> params = new LinkedHashMap<>();
                Long total = null;
                if (m.get("safetensors") instanceof Map<?, ?> st) {
                    if (st.get("parameters") instanceof Map<?, ?> p) {
                        p.forEach((k, v) -> params.put((String) k, ((Number) v).longValue()));
                    }
                    if (st.get("total") instanceof Number n) total = n.longValue();
                }
                Map<String, Object> card = m.get("cardData") instanceof Map<?, ?> c ? (Map<String, Object>) c : Map.of();
                String id = (String) m.get("id");
                out.put(id, new ModelFacts("huggingface", id, (String) m.get("author"), (String) m.get("pipeline_tag"),
                        (String) m.get("library_name"), (List<String>) m.get("tags"), card, params, total, null, null));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
