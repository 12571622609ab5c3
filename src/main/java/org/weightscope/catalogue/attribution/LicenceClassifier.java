package org.weightscope.catalogue.attribution;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.weightscope.catalogue.Attribution.Licence;
import org.weightscope.catalogue.ModelFacts;

/**
 * Reads the declared licence of a model and classifies its openness, per {@code licences.yaml}.
 * Order: {@code cardData.license} (with {@code license_name} when it says "other"), then a {@code license:} tag.
 */
public final class LicenceClassifier {

    /**
     * Licence classes, least to most restrictive (unknown apart). None says "open source": the OSI's Open Source
     * AI Definition asks for more than weights under a free licence, so OSI approval is a flag ({@code osi}).
     */
    public static final List<String> ORDER =
            List.of("permissive", "copyleft", "open-weights-restricted", "non-commercial");

    public static final Set<String> CLASSES =
            Set.of("permissive", "copyleft", "open-weights-restricted", "non-commercial", "unknown");
    public static final String UNKNOWN = "unknown";
    public static final String OTHER = "other";
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private record Rule(Pattern pattern, String clazz) {}

    private final Map<String, String> classById;
    private final Map<String, Boolean> osiById;
    private final Map<String, List<String>> excludedById;
    /** normalised alias or id → id. */
    private final Map<String, String> idByAlias;

    private final List<Rule> patterns;

    private LicenceClassifier(
            Map<String, String> classById,
            Map<String, Boolean> osiById,
            Map<String, List<String>> excludedById,
            Map<String, String> idByAlias,
            List<Rule> patterns) {
        this.classById = classById;
        this.osiById = osiById;
        this.excludedById = excludedById;
        this.idByAlias = idByAlias;
        this.patterns = patterns;
    }

    public static LicenceClassifier load(Path licencesYaml) {
        return RuleFiles.load(licencesYaml, (root, errors) -> {
            Map<String, String> classById = new HashMap<>();
            Map<String, Boolean> osi = new HashMap<>();
            Map<String, List<String>> excluded = new HashMap<>();
            Map<String, String> aliases = new HashMap<>();
            int i = 0;
            for (JsonNode n : root.path("licences")) {
                String id = n.path("id").asText("");
                String label = "licences[" + i++ + "] (" + id + ")";
                String clazz = n.path("class").asText("");
                if (id.isEmpty() || !id.equals(id.toLowerCase(Locale.ROOT)))
                    errors.add(label + ": id: must be non-empty lower-case");
                if (!CLASSES.contains(clazz)) errors.add(label + ": class: '" + clazz + "' is not one of " + CLASSES);
                if (classById.put(id, clazz) != null) errors.add(label + ": id: duplicate");
                osi.put(id, n.path("osi").asBoolean(false));
                excluded.put(id, List.copyOf(RuleFiles.strings(n.get("excludes_territories"))));
                aliases.put(normalise(id), id);
                for (String a : RuleFiles.strings(n.get("aliases"))) {
                    String prev = aliases.put(normalise(a), id);
                    if (prev != null && !prev.equals(id))
                        errors.add(label + ": aliases: '" + a + "' already names " + prev);
                }
            }
            List<Rule> rules = new ArrayList<>();
            i = 0;
            for (JsonNode n : root.path("patterns")) {
                String label = "patterns[" + i++ + "]";
                String clazz = n.path("class").asText("");
                if (!CLASSES.contains(clazz)) errors.add(label + ": class: '" + clazz + "' is not one of " + CLASSES);
                try {
                    rules.add(new Rule(Pattern.compile(n.path("match").asText(), Pattern.CASE_INSENSITIVE), clazz));
                } catch (RuntimeException e) {
                    errors.add(label + ": match: " + e.getMessage());
                }
            }
            return new LicenceClassifier(classById, osi, excluded, aliases, rules);
        });
    }

    /** Lower-case, trimmed, inner whitespace collapsed: how aliases are compared. */
    static String normalise(String raw) {
        return SPACES.matcher(raw.strip().toLowerCase(Locale.ROOT)).replaceAll(" ");
    }

    /** The known licence id for a raw id/name ("Apache License 2.0" → apache-2.0), or null if not listed. */
    public String canonicalId(String raw) {
        if (raw == null || raw.isBlank()) return null;
        String n = normalise(raw);
        String id = idByAlias.get(n);
        return id != null ? id : idByAlias.get(n.replace(' ', '-'));
    }

    /** Openness class of an id or raw name: listed class, else first matching pattern, else unknown. */
    public String classOf(String idOrName) {
        if (idOrName == null) return UNKNOWN;
        String id = canonicalId(idOrName);
        if (id != null) return classById.get(id);
        for (Rule r : patterns) if (r.pattern.matcher(idOrName).find()) return r.clazz;
        return UNKNOWN;
    }

    /** Whether the rule file flags the licence as OSI-approved. */
    public boolean isOsiApproved(String id) {
        return Boolean.TRUE.equals(osiById.get(id));
    }

    /** Territories the licence excludes (e.g. EU), empty if none or not listed. */
    public List<String> excludedTerritories(String id) {
        return id == null ? List.of() : excludedById.getOrDefault(id, List.of());
    }

    /** Rank in {@link #ORDER} (higher binds more), -1 for unknown. */
    public static int restrictiveness(String clazz) {
        return ORDER.indexOf(clazz);
    }

    /**
     * The licence the model itself declares, or null when it declares none (or "unknown"), so the caller
     * can inherit from the lineage.
     */
    public Licence declared(ModelFacts facts) {
        Object card = facts.cardData().get("license");
        if (card instanceof List<?> l && !l.isEmpty()) card = l.get(0);
        String cardRaw = card instanceof String s && !s.isBlank() ? s : null;
        if (cardRaw != null) {
            Licence l = fromRaw(cardRaw, "cardData.license", facts);
            if (l != null) return l;
        }
        for (String tag : facts.tags()) {
            if (tag.startsWith("license:") && tag.length() > 8) {
                Licence l = fromRaw(tag.substring(8), "tag", facts);
                if (l != null) return l;
            }
        }
        return null;
    }

    private Licence fromRaw(String raw, String source, ModelFacts facts) {
        String id = canonicalId(raw);
        if (UNKNOWN.equals(id)) return null;
        if (OTHER.equals(id)) {
            // "other" is HF's escape hatch: the real name is in license_name (e.g. qwen, deepseek, exaone).
            Object nameObj = facts.cardData().get("license_name");
            if (nameObj instanceof String name && !name.isBlank()) {
                String named = canonicalId(name);
                if (named != null && !OTHER.equals(named) && !UNKNOWN.equals(named)) {
                    return licence(named, classById.get(named), "license_name");
                }
                return new Licence(OTHER, classOf(name), "license_name");
            }
            return new Licence(OTHER, UNKNOWN, source);
        }
        if (id != null) return licence(id, classById.get(id), source);
        // Not listed: keep it as the hub wrote it (lower-case), classify by pattern.
        String kept = normalise(raw).replace(' ', '-');
        return new Licence(kept, classOf(raw), source);
    }

    private Licence licence(String id, String clazz, String source) {
        return new Licence(id, clazz, source, clazz, null, isOsiApproved(id), excludedTerritories(id));
    }
}
