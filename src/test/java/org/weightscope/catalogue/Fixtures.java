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

    /** Facts as a Hugging Face list page gives them for a model without card, parameter counts or files. */
    public static ModelFacts listing(
            String id, String author, String pipelineTag, String libraryName, List<String> tags) {
        return new ModelFacts(
                "huggingface",
                id,
                author,
                pipelineTag,
                libraryName,
                tags,
                Map.of(),
                Map.of(),
                null,
                null,
                null,
                Map.of());
    }

    public static ModelFacts listed(String id) {
        ModelFacts f = list700().get(id);
        if (f == null) throw new IllegalArgumentException("not in " + LIST_700 + ": " + id);
        return f;
    }

    private static Map<String, ModelFacts> recorded;

    /**
     * Every Hugging Face model of the recordings (list items, full bodies, trending entries), each the newest
     * capture with what it lacks taken from older ones, the way the recordings import carries state over.
     */
    @SuppressWarnings("unchecked")
    public static synchronized Map<String, ModelFacts> recorded() {
        if (recorded != null) return recorded;
        try {
            List<Path> files;
            try (var s = Files.list(HF)) {
                files = s.filter(p -> p.getFileName().toString().startsWith("api-")
                                && p.toString().endsWith(".json"))
                        .sorted(java.util.Comparator.comparing(
                                p -> day(p.getFileName().toString())))
                        .toList();
            }
            Map<String, ModelFacts> out = new LinkedHashMap<>();
            for (Path file : files) {
                Object root = JSON.readValue(file.toFile(), Object.class);
                List<Map<String, Object>> items = new ArrayList<>();
                if (root instanceof List<?> l) l.forEach(x -> items.add((Map<String, Object>) x));
                else
                    ((Map<String, Object>) root)
                            .values()
                            .forEach(v -> items.add((Map<String, Object>) ((Map<String, Object>) v).get("repoData")));
                for (Map<String, Object> m : items) {
                    ModelFacts n = facts(m);
                    ModelFacts p = out.get(n.repoId());
                    out.put(n.repoId(), p == null ? n : merged(n, p));
                }
            }
            recorded = out;
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String day(String name) {
        var m = java.util.regex.Pattern.compile("(\\d{4}-\\d{2}-\\d{2})").matcher(name);
        return m.find() ? m.group(1) : "";
    }

    private static ModelFacts merged(ModelFacts n, ModelFacts p) {
        return new ModelFacts(
                n.hub(),
                n.repoId(),
                n.author() != null ? n.author() : p.author(),
                n.pipelineTag() != null ? n.pipelineTag() : p.pipelineTag(),
                n.libraryName() != null ? n.libraryName() : p.libraryName(),
                n.tags().isEmpty() ? p.tags() : n.tags(),
                n.cardData().isEmpty() ? p.cardData() : n.cardData(),
                n.safetensorsParameters().isEmpty() ? p.safetensorsParameters() : n.safetensorsParameters(),
                n.totalParameters() != null ? n.totalParameters() : p.totalParameters(),
                null,
                null,
                Map.of());
    }

    @SuppressWarnings("unchecked")
    private static ModelFacts facts(Map<String, Object> m) {
        Map<String, Long> params = new LinkedHashMap<>();
        Long total = null;
        if (m.get("safetensors") instanceof Map<?, ?> st) {
            if (st.get("parameters") instanceof Map<?, ?> p) {
                p.forEach((k, v) -> params.put((String) k, ((Number) v).longValue()));
            }
            if (st.get("total") instanceof Number n) total = n.longValue();
        }
        if (total == null && m.get("numParameters") instanceof Number n) total = n.longValue();
        Map<String, Object> card = m.get("cardData") instanceof Map<?, ?> c ? (Map<String, Object>) c : Map.of();
        String id = (String) m.get("id");
        return new ModelFacts(
                "huggingface",
                id,
                (String) m.get("author"),
                (String) m.get("pipeline_tag"),
                (String) m.get("library_name"),
                (List<String>) m.get("tags"),
                card,
                params,
                total,
                null,
                null,
                Map.of());
    }

    /** Facts from a recorded README.md: front matter as cardData, the rest as card text. */
    public static ModelFacts fromCard(String repoId, String fileName) {
        String md = read(CARDS.resolve(fileName));
        Map<String, Object> front = ModelCards.frontMatter(md);
        List<String> tags = new ArrayList<>();
        if (front.get("tags") instanceof List<?> l) l.forEach(t -> tags.add(String.valueOf(t)));
        return new ModelFacts(
                "huggingface",
                repoId,
                null,
                (String) front.get("pipeline_tag"),
                (String) front.get("library_name"),
                tags,
                front,
                Map.of(),
                null,
                null,
                ModelCards.body(md),
                Map.of());
    }

    public static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    /** The Hugging Face items of a recorded array (list page or full bodies), by id, in file order. */
    public static Map<String, ModelFacts> readHfArray(Path file) {
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
                Map<String, Object> card =
                        m.get("cardData") instanceof Map<?, ?> c ? (Map<String, Object>) c : Map.of();
                String id = (String) m.get("id");
                out.put(
                        id,
                        new ModelFacts(
                                "huggingface",
                                id,
                                (String) m.get("author"),
                                (String) m.get("pipeline_tag"),
                                (String) m.get("library_name"),
                                (List<String>) m.get("tags"),
                                card,
                                params,
                                total,
                                null,
                                null,
                                Map.of()));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
