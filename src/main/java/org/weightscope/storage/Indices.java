package org.weightscope.storage;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Time;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.ScrollResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.elasticsearch.indices.get_alias.IndexAliases;
import co.elastic.clients.json.JsonData;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Index names and their mappings. Each mapping is a file {@code elasticsearch/<name>-v<N>.json}; the
 * index is {@code <prefix>-<name>-v<N>} and the app reads and writes it through the alias
 * {@code <prefix>-<name>}. At start-up a missing index is created; when a file's version is raised,
 * the new index is created, the documents of the old one are copied into it and the alias is moved
 * (the old index is kept for rollback and can be deleted by hand).
 *
 * <p>Time-partitioned indices have a template file {@code elasticsearch/templates/<name>-v<N>.json} (the
 * same {@code settings}/{@code mappings} body). It is installed as the composable index template
 * {@code <prefix>-<name>-v<N>} matching {@code <prefix>-<name>-v<N>-*}; each month's index
 * ({@link #indexFor}) is created by Elasticsearch on first write and joins the read alias
 * {@code <prefix>-<name>}. Raising the version only changes where new months go: the alias spans both.
 */
@Component
public class Indices {

    private static final Logger log = LoggerFactory.getLogger(Indices.class);
    private static final Pattern FILE = Pattern.compile("([a-z0-9-]+)-v(\\d+)\\.json");

    private final ElasticsearchClient client;
    private final String prefix;
    private final Map<String, Mapping> mappings;
    private final Map<String, Mapping> templates;
    private static final java.time.format.DateTimeFormatter MONTH =
            java.time.format.DateTimeFormatter.ofPattern("yyyy.MM");

    record Mapping(String name, int version, String body) {}

    Indices(ElasticsearchClient client, ElasticsearchSettings settings) {
        this.client = client;
        this.prefix = settings.indexPrefix();
        this.mappings = loadMappings("elasticsearch/*.json");
        this.templates = loadMappings("elasticsearch/templates/*.json");
        mappings.values().forEach(this::checkOrCreate);
        templates.values().forEach(this::putTemplate);
    }

    /**
     * The concrete monthly index of a time-partitioned index holding {@code day}, e.g.
     * {@code snapshots, 2024-12-09 → weightscope-snapshots-v1-2024.12}. Write there; read through {@link #alias}.
     */
    public String indexFor(String name, java.time.LocalDate day) {
        Mapping template = templates.get(name);
        if (template == null) {
            throw new IllegalArgumentException("no template file for time-partitioned index '" + name + "'");
        }
        return prefix + "-" + name + "-v" + template.version() + "-" + MONTH.format(day);
    }

    /**
     * Deletes the monthly indices of the time-partitioned {@code name} (every template version) whose month ends
     * before {@code from}; returns their names. Retention: nothing else reads those months any more.
     */
    public List<String> deleteMonthsBefore(String name, java.time.LocalDate from) {
        if (!templates.containsKey(name)) {
            throw new IllegalArgumentException("no template file for time-partitioned index '" + name + "'");
        }
        String first = MONTH.format(from);
        Pattern month = Pattern.compile(Pattern.quote(prefix + "-" + name) + "-v\\d+-(\\d{4}\\.\\d{2})");
        try {
            List<String> old = client
                    .indices()
                    .get(g -> g.index(prefix + "-" + name + "-v*-*")
                            .allowNoIndices(true)
                            .ignoreUnavailable(true))
                    .result()
                    .keySet()
                    .stream()
                    .filter(i -> {
                        var m = month.matcher(i);
                        return m.matches() && m.group(1).compareTo(first) < 0;
                    })
                    .sorted()
                    .toList();
            if (!old.isEmpty()) {
                client.indices().delete(d -> d.index(old));
                log.info("Retention: deleted {} ({} before {})", old, name, first);
            }
            return old;
        } catch (IOException e) {
            throw new StorageException("retention of " + name + " failed", e);
        }
    }

    /** Whether {@code name} is time-partitioned (has a template file). */
    public boolean partitioned(String name) {
        return templates.containsKey(name);
    }

    private void putTemplate(Mapping template) {
        String alias = prefix + "-" + template.name();
        String name = alias + "-v" + template.version();
        try {
            com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
            com.fasterxml.jackson.databind.node.ObjectNode inner =
                    (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(template.body());
            inner.putObject("aliases").putObject(alias);
            com.fasterxml.jackson.databind.node.ObjectNode body = json.createObjectNode();
            body.putArray("index_patterns").add(name + "-*");
            body.put("priority", 200);
            body.set("template", inner);
            body.putObject("_meta").put("managed_by", "weightscope").put("version", template.version());
            String text = json.writeValueAsString(body);
            client.indices().putIndexTemplate(t -> t.name(name).withJson(new StringReader(text)));
            // fields added to a template file reach the months already created (additive changes only: a
            // changed field type needs a new template version)
            String mappings = json.writeValueAsString(inner.get("mappings"));
            client.indices()
                    .putMapping(p -> p.index(name + "-*")
                            .allowNoIndices(true)
                            .ignoreUnavailable(true)
                            .withJson(new StringReader(mappings)));
            log.debug("Index template {} installed (pattern {}-*, alias {})", name, name, alias);
        } catch (IOException e) {
            throw new StorageException("cannot install index template " + name + ": " + e.getMessage(), e);
        }
    }

    /** The alias to read and write a logical index through, e.g. {@code models → weightscope-models}. */
    public String alias(String name) {
        if (!mappings.containsKey(name) && !templates.containsKey(name)) {
            throw new IllegalArgumentException("no mapping file for index '" + name + "'");
        }
        return prefix + "-" + name;
    }

    public String prefix() {
        return prefix;
    }

    /** Makes recent writes visible to searches (used after imports and in tests). */
    public void refresh(String name) {
        try {
            client.indices()
                    .refresh(r -> r.index(alias(name)).ignoreUnavailable(true).allowNoIndices(true));
        } catch (IOException e) {
            throw new StorageException("refresh of " + name + " failed", e);
        }
    }

    private static Map<String, Mapping> loadMappings(String pattern) {
        Map<String, Mapping> latest = new java.util.TreeMap<>();
        try {
            for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath*:" + pattern)) {
                Matcher m = FILE.matcher(r.getFilename());
                if (!m.matches()) {
                    continue;
                }
                Mapping mapping = new Mapping(
                        m.group(1), Integer.parseInt(m.group(2)), r.getContentAsString(StandardCharsets.UTF_8));
                latest.merge(mapping.name(), mapping, (a, b) -> a.version() >= b.version() ? a : b);
            }
        } catch (IOException e) {
            throw new StorageException("cannot read the index mapping files", e);
        }
        return Map.copyOf(latest);
    }

    private void checkOrCreate(Mapping mapping) {
        String alias = prefix + "-" + mapping.name();
        String index = alias + "-v" + mapping.version();
        try {
            if (client.indices().exists(e -> e.index(index)).value()) {
                // fields added to a mapping file reach the existing index (additive changes only: a changed field
                // type is refused by Elasticsearch and needs a new version)
                String mappings = new com.fasterxml.jackson.databind.ObjectMapper()
                        .readTree(mapping.body())
                        .get("mappings")
                        .toString();
                client.indices().putMapping(p -> p.index(index).withJson(new StringReader(mappings)));
                return;
            }
            List<String> older = indicesBehind(alias);
            client.indices().create(c -> c.index(index).withJson(new StringReader(mapping.body())));
            if (older.isEmpty()) {
                client.indices().putAlias(a -> a.index(index).name(alias).isWriteIndex(true));
                log.info("Created index {} (alias {})", index, alias);
                return;
            }
            String previous = older.get(older.size() - 1);
            long copied = copy(previous, index);
            client.indices()
                    .updateAliases(u -> u.actions(
                                    a -> a.remove(r -> r.index(previous).alias(alias)))
                            .actions(a ->
                                    a.add(ad -> ad.index(index).alias(alias).isWriteIndex(true))));
            log.info(
                    "Migrated {} → {}: {} documents copied, alias {} moved; {} kept for rollback",
                    previous,
                    index,
                    copied,
                    alias,
                    previous);
        } catch (IOException e) {
            throw new StorageException("cannot prepare index " + index + ": " + e.getMessage(), e);
        }
    }

    private List<String> indicesBehind(String alias) throws IOException {
        if (!client.indices().existsAlias(a -> a.name(alias)).value()) {
            return List.of();
        }
        Map<String, IndexAliases> result =
                client.indices().getAlias(a -> a.name(alias)).result();
        List<String> names = new ArrayList<>(result.keySet());
        names.sort(Comparator.comparingInt(n -> Integer.parseInt(n.substring(n.lastIndexOf("-v") + 2))));
        return names;
    }

    private long copy(String from, String to) throws IOException {
        long copied = 0;
        SearchResponse<JsonData> page =
                client.search(s -> s.index(from).size(1000).scroll(Time.of(t -> t.time("2m"))), JsonData.class);
        String scrollId = page.scrollId();
        List<Hit<JsonData>> hits = page.hits().hits();
        while (!hits.isEmpty()) {
            BulkRequest.Builder bulk = new BulkRequest.Builder();
            for (Hit<JsonData> hit : hits) {
                bulk.operations(o -> o.index(i -> i.index(to).id(hit.id()).document(hit.source())));
            }
            client.bulk(bulk.build());
            copied += hits.size();
            String id = scrollId;
            ScrollResponse<JsonData> next =
                    client.scroll(s -> s.scrollId(id).scroll(Time.of(t -> t.time("2m"))), JsonData.class);
            scrollId = next.scrollId();
            hits = next.hits().hits();
        }
        String id = scrollId;
        client.clearScroll(c -> c.scrollId(id));
        client.indices().refresh(r -> r.index(to));
        return copied;
    }
}
