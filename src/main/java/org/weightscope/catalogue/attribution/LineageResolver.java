package org.weightscope.catalogue.attribution;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.weightscope.catalogue.Attribution.Lineage;
import org.weightscope.catalogue.Attribution.Parent;
import org.weightscope.catalogue.ModelFacts;
import org.weightscope.catalogue.ParentLookup;

/**
 * Direct parents from {@code base_model} tags and cardData, and the roots reached by walking parents
 * through the catalogue. A parent the catalogue does not hold is itself treated as a root.
 */
public final class LineageResolver {

    public static final Set<String> RELATIONS = Set.of("finetune", "adapter", "quantized", "merge", "unknown");
    /** Bounds the walk: real chains are a handful deep; anything longer is a data error. */
    static final int MAX_DEPTH = 32;

    private static final String TAG_PREFIX = "base_model:";

    /** The lineage plus the ancestors found in the catalogue, nearest first (for licence inheritance). */
    public record Result(Lineage lineage, List<ModelFacts> ancestors) {}

    public Result resolve(ModelFacts facts, ParentLookup lookup) {
        List<String> issues = new ArrayList<>();
        List<Parent> parents = directParents(facts, issues);
        if (parents.isEmpty()) {
            return new Result(new Lineage(parents, List.of(facts.repoId()), issues), List.of());
        }
        Walk walk = new Walk(facts.hub(), lookup, issues);
        walk.pathIds.add(facts.repoId());
        walk.pathKeys.add(key(facts.repoId()));
        walk.visited.add(key(facts.repoId()));
        for (Parent p : parents) walk.visit(p.repoId(), 1);
        if (walk.roots.size() > 1) issues.add("multiple-roots");
        return new Result(new Lineage(parents, new ArrayList<>(walk.roots), issues), walk.ancestors);
    }

    private final class Walk {
        final String hub;
        final ParentLookup lookup;
        final List<String> issues;
        final List<String> pathIds = new ArrayList<>();
        final Set<String> pathKeys = new HashSet<>();
        final Set<String> visited = new HashSet<>();
        final Set<String> roots = new LinkedHashSet<>();
        final List<ModelFacts> ancestors = new ArrayList<>();

        Walk(String hub, ParentLookup lookup, List<String> issues) {
            this.hub = hub;
            this.lookup = lookup;
            this.issues = issues;
        }

        void visit(String id, int depth) {
            String k = key(id);
            if (pathKeys.contains(k)) {
                int from = 0;
                while (!key(pathIds.get(from)).equals(k)) from++;
                issues.add("cycle:" + String.join("->", pathIds.subList(from, pathIds.size())) + "->" + id);
                return;
            }
            if (!visited.add(k)) return; // diamond: already walked via another parent
            if (depth > MAX_DEPTH) {
                issues.add("depth-limit:" + id);
                roots.add(id);
                return;
            }
            Optional<ModelFacts> found = lookup.find(hub, id);
            if (found.isEmpty()) {
                issues.add("missing-parent:" + id);
                roots.add(id);
                return;
            }
            ModelFacts parent = found.get();
            ancestors.add(parent);
            List<Parent> grand = directParents(parent, new ArrayList<>());
            if (grand.isEmpty()) {
                roots.add(parent.repoId());
                return;
            }
            pathIds.add(id);
            pathKeys.add(k);
            for (Parent g : grand) visit(g.repoId(), depth + 1);
            pathIds.remove(pathIds.size() - 1);
            pathKeys.remove(k);
        }
    }

    /**
     * Direct parents. The relation comes from a {@code base_model:<relation>:<id>} tag naming the same id;
     * a cardData id without such a tag gets {@code unknown}. When cardData names exactly one base model and the
     * tags exactly one other, the tag wins: HF derives tags server-side and resolves renamed repos
     * (e.g. Meta-Llama-3.1-8B → Llama-3.1-8B), so the issue {@code renamed-parent:old->new} is recorded.
     */
    public List<Parent> directParents(ModelFacts f, List<String> issues) {
        Map<String, Parent> tagged = new LinkedHashMap<>();
        List<String> plainTagIds = new ArrayList<>();
        for (String tag : f.tags()) {
            if (!tag.startsWith(TAG_PREFIX)) continue;
            String rest = tag.substring(TAG_PREFIX.length());
            int colon = rest.indexOf(':');
            if (colon > 0 && RELATIONS.contains(rest.substring(0, colon))) {
                String id = cleanId(rest.substring(colon + 1));
                if (id != null) tagged.putIfAbsent(key(id), new Parent(id, rest.substring(0, colon)));
            } else {
                String id = cleanId(rest);
                if (id != null) plainTagIds.add(id);
            }
        }
        List<String> cardIds = cardBaseModels(f);
        Map<String, Parent> out = new LinkedHashMap<>();
        if (cardIds.size() == 1 && tagged.size() == 1 && !tagged.containsKey(key(cardIds.get(0)))) {
            Parent t = tagged.values().iterator().next();
            issues.add("renamed-parent:" + cardIds.get(0) + "->" + t.repoId());
            out.put(key(t.repoId()), t);
        } else {
            for (String id : cardIds) {
                Parent t = tagged.get(key(id));
                out.putIfAbsent(key(id), t != null ? t : new Parent(id, "unknown"));
            }
            tagged.forEach(out::putIfAbsent);
            for (String id : plainTagIds) out.putIfAbsent(key(id), new Parent(id, "unknown"));
        }
        String self = key(f.repoId());
        if (out.remove(self) != null) issues.add("cycle:" + f.repoId() + "->" + f.repoId());
        return new ArrayList<>(out.values());
    }

    private static List<String> cardBaseModels(ModelFacts f) {
        Object bm = f.cardData().get("base_model");
        List<String> ids = new ArrayList<>();
        if (bm instanceof String s) {
            String id = cleanId(s);
            if (id != null) ids.add(id);
        } else if (bm instanceof List<?> l) {
            for (Object o : l) {
                String id = o instanceof String s ? cleanId(s) : null;
                if (id != null && !ids.contains(id)) ids.add(id);
            }
        }
        return ids;
    }

    /** Trims and drops a ModelScope revision suffix ("MusePublic/Qwen-image@v1"); null if empty. */
    static String cleanId(String raw) {
        if (raw == null) return null;
        String s = raw.strip();
        int at = s.indexOf('@');
        if (at > 0) s = s.substring(0, at);
        return s.isEmpty() ? null : s;
    }

    static String key(String id) {
        return id.toLowerCase(Locale.ROOT);
    }
}
