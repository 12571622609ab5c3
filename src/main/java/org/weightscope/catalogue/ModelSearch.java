package org.weightscope.catalogue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** Full-text search over the catalogue with facets, and one model with its derivatives. */
@Service
public class ModelSearch {

    public static final int MAX_SIZE = 200;
    private final ModelsIndex models;

    ModelSearch(ModelsIndex models) {
        this.models = models;
    }

    /**
     * @param text    words to find in repo ids, organisations and card text (simple query syntax; never an error)
     * @param filters dimension → accepted keys; origin filters apply in {@code view}
     */
    public record Query(
            String text, Map<Adoption.Dimension, List<String>> filters, Adoption.View view, int from, int size) {

        public Query {
            filters = filters == null ? Map.of() : Map.copyOf(filters);
            view = view == null ? Adoption.View.LINEAGE : view;
            if (from < 0 || from > 10_000) {
                throw new IllegalArgumentException("from must be between 0 and 10000");
            }
            if (size < 0 || size > MAX_SIZE) {
                throw new IllegalArgumentException("size must be between 0 and " + MAX_SIZE);
            }
        }
    }

    public record Facet(String key, long count) {}

    public record Result(long total, List<CatalogueModel> models, Map<String, List<Facet>> facets, Instant asOf) {}

    public Result search(Query query) {
        return models.search(query);
    }

    public Optional<CatalogueModel> find(String hub, String repoId) {
        String id = CatalogueModel.idPrefix(hub) + ":" + repoId;
        return Optional.ofNullable(models.getAll(List.of(id)).get(id));
    }

    /** One model by hub and repo id, ignoring case (Hugging Face ids are case-insensitive). */
    public Optional<CatalogueModel> findIgnoreCase(String hub, String repoId) {
        Optional<CatalogueModel> exact = find(hub, repoId);
        if (exact.isPresent()) {
            return exact;
        }
        return models
                .find(
                        co.elastic.clients.elasticsearch._types.query_dsl.Query.of(q -> q.bool(b -> b.filter(
                                        f -> f.term(t -> t.field("hub").value(hub)))
                                .filter(f -> f.term(
                                        t -> t.field("repoId").value(repoId).caseInsensitive(true))))),
                        1)
                .stream()
                .findFirst();
    }

    /**
     * {@link #findIgnoreCase} for many ids of one hub in two round trips (one get of the exact ids, one search
     * for the rest ignoring case). Keys are the given ids in lower case; ids not found are left out.
     */
    public java.util.Map<String, CatalogueModel> findAllIgnoreCase(String hub, java.util.Collection<String> repoIds) {
        java.util.Map<String, CatalogueModel> found = new java.util.HashMap<>();
        if (repoIds.isEmpty()) {
            return found;
        }
        String prefix = CatalogueModel.idPrefix(hub) + ":";
        java.util.Map<String, String> byDocId = new java.util.LinkedHashMap<>();
        for (String r : repoIds) {
            byDocId.putIfAbsent(prefix + r, r);
        }
        models.getAll(byDocId.keySet())
                .forEach((docId, m) -> found.putIfAbsent(byDocId.get(docId).toLowerCase(java.util.Locale.ROOT), m));
        List<String> missing = repoIds.stream()
                .filter(r -> !found.containsKey(r.toLowerCase(java.util.Locale.ROOT)))
                .map(r -> r.toLowerCase(java.util.Locale.ROOT))
                .distinct()
                .toList();
        // case-insensitive term queries are automata over every repo id: narrow by phrase, check exactly here
        narrowed(
                        missing,
                        hub,
                        (m, r) -> m.repoId().equalsIgnoreCase(r),
                        r -> co.elastic.clients.elasticsearch._types.query_dsl.Query.of(q -> q.bool(b -> b.filter(
                                        f -> f.term(t -> t.field("hub").value(hub)))
                                .filter(f ->
                                        f.term(t -> t.field("repoId").value(r).caseInsensitive(true))))),
                        1)
                .forEach((r, hits) -> hits.stream().findFirst().ifPresent(m -> found.putIfAbsent(r, m)));
        return found;
    }

    /** Phrase matches of one key above which the exact query is asked instead (see narrowed). */
    static final int PHRASE_HITS = 100;
    /** Documents read per search of phrase matches. */
    static final int PHRASE_READ = 2_000;

    /**
     * {@link #byName} for many names in one or two round trips; keys are the given names. A leading wildcard
     * ({@code *}/name) scans every repo id, so each name is first looked up as a phrase of
     * {@code repoId.text} (the standard analyzer splits at '/', so every repo whose name is {@code name}
     * matches it) and the hits are checked exactly here; only a name with {@link #PHRASE_HITS} hits or more
     * (there could be exact ones beyond them), or without a word to search for, is asked with the exact query.
     * The answers are those of {@link #byName}.
     */
    public java.util.Map<String, List<CatalogueModel>> byNames(java.util.Collection<String> names, int max) {
        java.util.Map<String, List<CatalogueModel>> out = new java.util.HashMap<>();
        names.forEach(n -> out.put(n, List.of()));
        List<String> distinct =
                names.stream().filter(n -> n != null && !n.isBlank()).distinct().toList();
        out.putAll(narrowed(distinct, null, (m, n) -> named(m.repoId(), n), ModelSearch::nameQuery, max));
        return out;
    }

    /**
     * For each key, the models (most downloaded first, at most {@code max}) that {@code matches}: every repo
     * id a key matches (equal ignoring case, or ending in '/' and the key) contains the key's words in order,
     * as the standard analyzer splits at '/', so the key is asked as a phrase of {@code repoId.text} and the
     * phrase matches are checked here. A key with {@link #PHRASE_HITS} phrase matches or more, or without a
     * letter or digit, is asked with the exact query instead. Three round trips for all keys, whatever their
     * number: phrase counts, phrase matches, exact queries (when any).
     */
    private java.util.Map<String, List<CatalogueModel>> narrowed(
            List<String> keys,
            String hub,
            java.util.function.BiPredicate<CatalogueModel, String> matches,
            java.util.function.Function<String, co.elastic.clients.elasticsearch._types.query_dsl.Query> exactQuery,
            int max) {
        java.util.Map<String, List<CatalogueModel>> out = new java.util.HashMap<>();
        List<String> byPhrase = keys.stream()
                .filter(k -> k.codePoints().anyMatch(Character::isLetterOrDigit))
                .toList();
        List<co.elastic.clients.elasticsearch._types.query_dsl.Query> phrases = byPhrase.stream()
                .map(k -> co.elastic.clients.elasticsearch._types.query_dsl.Query.of(q -> q.bool(b -> {
                    if (hub != null) b.filter(f -> f.term(t -> t.field("hub").value(hub)));
                    return b.filter(
                            f -> f.matchPhrase(p -> p.field("repoId.text").query(k)));
                })))
                .toList();
        // 1: how many repos each phrase matches (one search); 2: the repos of the phrases with few matches, read
        // together in searches of at most PHRASE_READ documents (one round trip); 3: exact queries for the rest
        List<Long> counts = models.counts(phrases);
        List<String> exact = new java.util.ArrayList<>(
                keys.stream().filter(k -> !byPhrase.contains(k)).toList());
        List<List<Integer>> groups = new java.util.ArrayList<>();
        long groupSize = PHRASE_READ;
        for (int i = 0; i < byPhrase.size(); i++) {
            long n = counts.get(i);
            if (n == 0) {
                out.put(byPhrase.get(i), List.of());
            } else if (n >= PHRASE_HITS) {
                exact.add(byPhrase.get(i));
            } else {
                if (groupSize + n > PHRASE_READ) {
                    groups.add(new java.util.ArrayList<>());
                    groupSize = 0;
                }
                groups.getLast().add(i);
                groupSize += n;
            }
        }
        List<List<CatalogueModel>> read = models.findMany(
                groups.stream()
                        .map(g -> co.elastic.clients.elasticsearch._types.query_dsl.Query.of(q -> q.bool(b ->
                                b.should(g.stream().map(phrases::get).toList()).minimumShouldMatch("1"))))
                        .toList(),
                PHRASE_READ);
        for (int g = 0; g < groups.size(); g++) {
            List<CatalogueModel> hits = read.get(g);
            for (int i : groups.get(g)) {
                String key = byPhrase.get(i);
                out.put(
                        key,
                        hits.stream()
                                .filter(m -> matches.test(m, key))
                                .limit(max)
                                .toList());
            }
        }
        List<List<CatalogueModel>> answers =
                models.findMany(exact.stream().map(exactQuery).toList(), max);
        for (int i = 0; i < exact.size(); i++) {
            out.put(exact.get(i), answers.get(i));
        }
        return out;
    }

    /** What {@link #nameQuery} matches: the repo id is the name, or ends with '/' and the name (ignoring case). */
    static boolean named(String repoId, String name) {
        String r = repoId.toLowerCase(java.util.Locale.ROOT);
        String n = name.toLowerCase(java.util.Locale.ROOT);
        return r.equals(n) || r.endsWith("/" + n);
    }

    private static co.elastic.clients.elasticsearch._types.query_dsl.Query nameQuery(String name) {
        String escaped = name.replace("\\", "\\\\").replace("*", "\\*").replace("?", "\\?");
        return co.elastic.clients.elasticsearch._types.query_dsl.Query.of(q -> q.bool(b -> b.should(s ->
                        s.wildcard(w -> w.field("repoId").value("*/" + escaped).caseInsensitive(true)))
                .should(s -> s.term(t -> t.field("repoId").value(name).caseInsensitive(true)))
                .minimumShouldMatch("1")));
    }

    /** Models whose name (the part after the namespace) is {@code name}, ignoring case, on any hub. */
    public List<CatalogueModel> byName(String name, int max) {
        String escaped = name.replace("\\", "\\\\").replace("*", "\\*").replace("?", "\\?");
        return models.find(
                co.elastic.clients.elasticsearch._types.query_dsl.Query.of(q -> q.bool(b -> b.should(s -> s.wildcard(
                                w -> w.field("repoId").value("*/" + escaped).caseInsensitive(true)))
                        .should(s -> s.term(t -> t.field("repoId").value(name).caseInsensitive(true)))
                        .minimumShouldMatch("1"))),
                max);
    }

    /**
     * The most downloaded models of a hardware class sharing a sector, excluding a lineage origin: what an
     * enterprise could switch to.
     */
    public List<CatalogueModel> alternatives(
            String hardwareClass, List<String> sectors, String excludeLineageOrigin, int max) {
        List<co.elastic.clients.elasticsearch._types.FieldValue> accepted = sectors.stream()
                .map(co.elastic.clients.elasticsearch._types.FieldValue::of)
                .toList();
        return models.find(
                co.elastic.clients.elasticsearch._types.query_dsl.Query.of(q -> q.bool(b -> {
                    b.filter(f ->
                            f.term(t -> t.field("attribution.hardware.clazz").value(hardwareClass)));
                    b.filter(f -> f.terms(t -> t.field("attribution.sectors").terms(v -> v.value(accepted))));
                    if (excludeLineageOrigin != null) {
                        b.mustNot(m -> m.nested(n -> n.path("originCredit")
                                .query(nq -> nq.bool(nb -> nb.filter(t -> t.term(tt ->
                                                tt.field("originCredit.view").value("lineage")))
                                        .filter(t -> t.term(tt ->
                                                tt.field("originCredit.country").value(excludeLineageOrigin)))))));
                    }
                    return b;
                })),
                max);
    }

    /** Models that name this one as a parent (fine-tunes, adapters, quantisations, merges), most downloaded first. */
    public Result derivatives(String repoId, int size) {
        return models.derivatives(repoId, size);
    }
}
