package org.weightscope.catalogue.attribution;

import com.fasterxml.jackson.databind.JsonNode;
import org.weightscope.catalogue.ModelFacts;
import org.weightscope.catalogue.RegistryException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Sector ids from {@code sectors.yaml} rules over pipeline tag, tags, repo name and (strong phrases only) card
 * text. Words and phrases are bounded by non-letters so "coder" never matches inside "encoder".
 */
public final class SectorClassifier {

    public static final Set<String> SECTORS = Set.of("general-assistant", "code", "science-maths", "biomedical",
            "finance", "legal", "education", "vision", "speech-audio", "robotics", "retrieval-embeddings",
            "multimodal-generation", "other");

    private record Rule(String id, boolean domain, Set<String> pipelines, Set<String> tags, Pattern name, Pattern card) {

        boolean matches(String pipeline, Set<String> tagSet, String repoName, String cardText) {
            if (pipeline != null && pipelines.contains(pipeline)) return true;
            for (String t : tags) if (tagSet.contains(t)) return true;
            if (name != null && name.matcher(repoName).find()) return true;
            return card != null && cardText != null && card.matcher(cardText).find();
        }
    }

    private final List<Rule> rules;
    private final String generalId;
    private final Set<String> generalPipelines;
    private final String fallback;

    private SectorClassifier(List<Rule> rules, String generalId, Set<String> generalPipelines, String fallback) {
        this.rules = rules;
        this.generalId = generalId;
        this.generalPipelines = generalPipelines;
        this.fallback = fallback;
    }

    public static SectorClassifier load(Path sectorsYaml) {
        JsonNode root = RuleFiles.read(sectorsYaml);
        List<String> errors = new ArrayList<>();
        List<Rule> rules = new ArrayList<>();
        int i = 0;
        for (JsonNode n : root.path("sectors")) {
            String id = n.path("id").asText("");
            String label = "sectors[" + i++ + "] (" + id + ")";
            if (!SECTORS.contains(id)) errors.add(label + ": id: '" + id + "' is not one of " + SECTORS);
            rules.add(new Rule(id, n.path("domain").asBoolean(false), lower(n.get("pipeline_tags")),
                    lower(n.get("tags")), words(n.get("name_words")), words(n.get("card_phrases"))));
        }
        JsonNode ga = root.path("general_assistant");
        String fallback = root.path("fallback").asText("other");
        if (!SECTORS.contains(fallback)) errors.add("fallback: '" + fallback + "' is not a sector id");
        if (!errors.isEmpty()) throw new RegistryException(sectorsYaml.toString(), errors);
        return new SectorClassifier(List.copyOf(rules), ga.path("id").asText("general-assistant"),
                lower(ga.get("pipeline_tags")), fallback);
    }

    private static Set<String> lower(JsonNode n) {
        Set<String> out = new HashSet<>();
        for (String s : RuleFiles.strings(n)) out.add(s.toLowerCase(Locale.ROOT));
        return Set.copyOf(out);
    }

    /** One precompiled alternation per rule: {@code (?<![a-z])(?:w1|w2…)(?![a-z])}, case-insensitive. */
    private static Pattern words(JsonNode n) {
        List<String> ws = RuleFiles.strings(n);
        if (ws.isEmpty()) return null;
        StringBuilder sb = new StringBuilder("(?<![a-z])(?:");
        for (int i = 0; i < ws.size(); i++) {
            if (i > 0) sb.append('|');
            sb.append(Pattern.quote(ws.get(i).toLowerCase(Locale.ROOT)));
        }
        return Pattern.compile(sb.append(")(?![a-z])").toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    public List<String> classify(ModelFacts f) {
        String pipeline = f.effectivePipelineTag();
        if (pipeline != null) pipeline = pipeline.toLowerCase(Locale.ROOT);
        Set<String> tagSet = new HashSet<>();
        for (String t : f.tags()) tagSet.add(t.toLowerCase(Locale.ROOT));
        if (f.cardData().get("tags") instanceof List<?> cardTags) {
            for (Object t : cardTags) if (t instanceof String s) tagSet.add(s.toLowerCase(Locale.ROOT));
        }
        String name = f.name();
        List<String> out = new ArrayList<>(3);
        boolean domain = false;
        for (Rule r : rules) {
            if (r.matches(pipeline, tagSet, name, f.cardText())) {
                out.add(r.id());
                domain |= r.domain();
            }
        }
        if (!domain && pipeline != null && generalPipelines.contains(pipeline)) out.add(0, generalId);
        if (out.isEmpty()) out.add(fallback);
        return out;
    }
}
