package org.weightscope.catalogue.attribution;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.weightscope.catalogue.ModelFacts;

/**
 * Sector ids from {@code sectors.yaml} rules over pipeline tag, library, tags, repo name and (strong phrases only)
 * card text. Words and phrases are bounded by non-letters so "coder" never matches inside "encoder".
 *
 * <p>A domain sector needs a strong signal (pipeline tag, library, a word of the repo name, a card phrase) or
 * at least two of its tags: tags are free text anyone adds, so one (spam) tag alone makes no domain. A repo
 * without a pipeline tag takes its nearest ancestor's (a GGUF of an instruct model is still an assistant).
 */
public final class SectorClassifier {

    public static final Set<String> SECTORS = Set.of(
            "general-assistant",
            "code",
            "science-maths",
            "biomedical",
            "finance",
            "legal",
            "education",
            "vision",
            "speech-audio",
            "robotics",
            "retrieval-embeddings",
            "multimodal-generation",
            "time-series",
            "safety",
            "translation",
            "other");

    private record Rule(
            String id,
            boolean domain,
            Set<String> pipelines,
            Set<String> libraries,
            Set<String> tags,
            Pattern name,
            Pattern card) {

        boolean matches(String pipeline, String library, Set<String> tagSet, String repoName, String cardText) {
            if (pipeline != null && pipelines.contains(pipeline)) return true;
            if (library != null && libraries.contains(library)) return true;
            if (name != null && name.matcher(repoName).find()) return true;
            if (card != null && cardText != null && card.matcher(cardText).find()) return true;
            int tagHits = 0;
            for (String t : tags) if (tagSet.contains(t)) tagHits++;
            return tagHits >= (domain ? 2 : 1);
        }
    }

    /** General assistant: a model of its pipelines, or of a chat pipeline that reads as instruct/chat. */
    private record GeneralAssistant(
            String id, Set<String> pipelines, Set<String> chatPipelines, Set<String> chatTags, Pattern chatWords) {

        boolean matches(String pipeline, Set<String> tagSet, String name) {
            return pipeline != null
                    && (pipelines.contains(pipeline) || chatPipelines.contains(pipeline) && isChat(tagSet, name));
        }

        /** An instruct/chat model: a chat tag (HF's "conversational") or a word such as Instruct, Chat, it. */
        private boolean isChat(Set<String> tagSet, String name) {
            for (String t : chatTags) if (tagSet.contains(t)) return true;
            return chatWords != null && chatWords.matcher(name).find();
        }
    }

    private final List<Rule> rules;
    private final GeneralAssistant general;
    private final String fallback;

    private SectorClassifier(List<Rule> rules, GeneralAssistant general, String fallback) {
        this.rules = rules;
        this.general = general;
        this.fallback = fallback;
    }

    public static SectorClassifier load(Path sectorsYaml) {
        return RuleFiles.load(sectorsYaml, (root, errors) -> {
            List<Rule> rules = new ArrayList<>();
            int i = 0;
            for (JsonNode n : root.path("sectors")) {
                String id = n.path("id").asText("");
                String label = "sectors[" + i++ + "] (" + id + ")";
                if (!SECTORS.contains(id)) errors.add(label + ": id: '" + id + "' is not one of " + SECTORS);
                rules.add(new Rule(
                        id,
                        n.path("domain").asBoolean(false),
                        lower(n.get("pipeline_tags")),
                        lower(n.get("library_names")),
                        lower(n.get("tags")),
                        words(n.get("name_words")),
                        words(n.get("card_phrases"))));
            }
            JsonNode ga = root.path("general_assistant");
            String fallback = root.path("fallback").asText("other");
            if (!SECTORS.contains(fallback)) errors.add("fallback: '" + fallback + "' is not a sector id");
            GeneralAssistant general = new GeneralAssistant(
                    ga.path("id").asText("general-assistant"),
                    lower(ga.get("pipeline_tags")),
                    lower(ga.get("chat_pipeline_tags")),
                    lower(ga.get("chat_tags")),
                    words(ga.get("chat_name_words")));
            return new SectorClassifier(List.copyOf(rules), general, fallback);
        });
    }

    private static Set<String> lower(JsonNode n) {
        Set<String> out = new HashSet<>();
        for (String s : RuleFiles.strings(n)) out.add(s.toLowerCase(Locale.ROOT));
        return Set.copyOf(out);
    }

    /**
     * One precompiled alternation per rule: {@code (?<![a-z])(?:w1|w2…)(?![a-z])}, matched against lower-cased text
     * ({@link #classify} lower-cases the name and the card once), so the pattern needs no case folding: a 20 KB card
     * scanned for each rule with Unicode case folding was the most expensive step of attributing a model.
     */
    private static Pattern words(JsonNode n) {
        List<String> ws = RuleFiles.strings(n);
        if (ws.isEmpty()) return null;
        StringBuilder sb = new StringBuilder("(?<![a-z])(?:");
        for (int i = 0; i < ws.size(); i++) {
            if (i > 0) sb.append('|');
            sb.append(Pattern.quote(ws.get(i).toLowerCase(Locale.ROOT)));
        }
        return Pattern.compile(sb.append(")(?![a-z])").toString());
    }

    public List<String> classify(ModelFacts f) {
        return classify(f, List.of());
    }

    /** @param ancestors the model's ancestors in the catalogue, nearest first (for a missing pipeline tag) */
    public List<String> classify(ModelFacts f, List<ModelFacts> ancestors) {
        String pipeline = f.effectivePipelineTag();
        for (int i = 0; pipeline == null && i < ancestors.size(); i++)
            pipeline = ancestors.get(i).effectivePipelineTag();
        if (pipeline != null) pipeline = pipeline.toLowerCase(Locale.ROOT);
        String library = f.libraryName() == null ? null : f.libraryName().toLowerCase(Locale.ROOT);
        Set<String> tagSet = new HashSet<>();
        for (String t : f.tags()) tagSet.add(t.toLowerCase(Locale.ROOT));
        if (f.cardData().get("tags") instanceof List<?> cardTags) {
            for (Object t : cardTags) if (t instanceof String s) tagSet.add(s.toLowerCase(Locale.ROOT));
        }
        String name = f.name().toLowerCase(Locale.ROOT);
        String card = f.cardText() == null ? null : f.cardText().toLowerCase(Locale.ROOT);
        List<String> out = new ArrayList<>(3);
        boolean domain = false;
        for (Rule r : rules) {
            if (r.matches(pipeline, library, tagSet, name, card)) {
                out.add(r.id());
                domain |= r.domain();
            }
        }
        if (!domain && general.matches(pipeline, tagSet, name)) {
            out.add(0, general.id());
        }
        if (out.isEmpty()) out.add(fallback);
        return out;
    }
}
