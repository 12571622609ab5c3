package org.weightscope.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.weightscope.catalogue.Adoption;
import org.weightscope.shared.Json;

/**
 * The dashboards in {@code dashboards/*.yaml}. Each file is validated on its own: an invalid one is
 * reported with its file and field and left out, the others still load. Files are re-read when changed.
 */
@Component
class DashboardDefinitions {

    private static final Logger log = LoggerFactory.getLogger(DashboardDefinitions.class);
    static final Set<String> CHARTS = Set.of("bar", "pie", "stacked-bar", "table", "area", "headline");

    private final Path dir;
    private final ObjectMapper yaml = Json.yaml();
    private volatile Loaded loaded;

    record Loaded(long stamp, Map<String, DashboardDefinition> dashboards, List<String> errors) {}

    DashboardDefinitions(@Value("${weightscope.dashboards.dir:dashboards}") Path dir) {
        this.dir = dir;
    }

    Optional<DashboardDefinition> get(String id) {
        return Optional.ofNullable(current().dashboards().get(id));
    }

    List<DashboardDefinition> all() {
        return List.copyOf(current().dashboards().values());
    }

    /** One message per invalid file: "dashboards/x.yaml: panels[1].metric: …". */
    List<String> errors() {
        return current().errors();
    }

    private Loaded current() {
        long stamp = stamp();
        Loaded l = loaded;
        if (l == null || l.stamp() != stamp) {
            l = load(stamp);
            loaded = l;
        }
        return l;
    }

    private long stamp() {
        if (!Files.isDirectory(dir)) {
            return -1;
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".yaml"))
                    .mapToLong(f -> f.toFile().lastModified() ^ f.getFileName().hashCode())
                    .sum();
        } catch (IOException e) {
            return -2;
        }
    }

    private Loaded load(long stamp) {
        Map<String, DashboardDefinition> dashboards = new LinkedHashMap<>();
        List<String> errors = new ArrayList<>();
        if (Files.isDirectory(dir)) {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".yaml"))
                        .sorted()
                        .toList()) {
                    try {
                        DashboardDefinition d = parse(file);
                        dashboards.put(d.id(), d);
                    } catch (InvalidDashboard e) {
                        errors.add(e.getMessage());
                        log.warn("Dashboard not loaded: {}", e.getMessage());
                    }
                }
            } catch (IOException e) {
                errors.add(dir + ": " + e.getMessage());
            }
        }
        return new Loaded(stamp, Map.copyOf(dashboards), List.copyOf(errors));
    }

    DashboardDefinition parse(Path file) {
        String name = dir.getFileName() + "/" + file.getFileName();
        JsonNode root;
        try {
            root = yaml.readTree(file.toFile());
        } catch (IOException e) {
            throw new InvalidDashboard(name + ": not valid YAML: "
                    + e.getMessage().lines().findFirst().orElse(""));
        }
        if (root == null || !root.isObject()) {
            throw new InvalidDashboard(name + ": expected a mapping with id, title and panels");
        }
        String id = required(root, "id", name);
        if (!id.matches("[a-z0-9-]+")) {
            throw new InvalidDashboard(name + ": id: use lower-case letters, digits and '-'");
        }
        Map<String, String> title = texts(root, "title", name, true);
        Map<String, String> description = texts(root, "description", name, false);
        JsonNode panels = root.path("panels");
        if (!panels.isArray() || panels.isEmpty()) {
            throw new InvalidDashboard(name + ": panels: at least one panel is required");
        }
        List<DashboardDefinition.Panel> out = new ArrayList<>();
        for (int i = 0; i < panels.size(); i++) {
            out.add(panel(panels.get(i), name + ": panels[" + i + "]"));
        }
        return new DashboardDefinition(id, title, description, List.copyOf(out));
    }

    private DashboardDefinition.Panel panel(JsonNode p, String where) {
        String id = required(p, "id", where);
        Map<String, String> title = texts(p, "title", where, true);
        Adoption.Metric metric = parse(where + ".metric", () -> Adoption.Metric.of(required(p, "metric", where)));
        Adoption.Dimension by = parse(where + ".by", () -> Adoption.Dimension.of(required(p, "by", where)));
        Adoption.View view =
                parse(where + ".view", () -> Adoption.View.of(p.path("view").asText("lineage")));
        String chart = p.path("chart").asText("bar");
        if (!CHARTS.contains(chart)) {
            throw new InvalidDashboard(
                    where + ".chart: unknown chart '" + chart + "' (use " + String.join(", ", CHARTS) + ")");
        }
        Adoption.Dimension split = null;
        if (chart.equals("stacked-bar")) {
            if (by != Adoption.Dimension.ORIGIN) {
                throw new InvalidDashboard(where + ".by: a stacked-bar panel is broken down by origin");
            }
            split = parse(where + ".split", () -> Adoption.Dimension.of(required(p, "split", where)));
        }
        Map<Adoption.Dimension, List<String>> filters = new LinkedHashMap<>();
        JsonNode f = p.path("filters");
        if (!f.isMissingNode() && !f.isObject()) {
            throw new InvalidDashboard(where + ".filters: expected a mapping of dimension to values");
        }
        for (var it = f.fields(); it.hasNext(); ) {
            var entry = it.next();
            Adoption.Dimension d =
                    parse(where + ".filters." + entry.getKey(), () -> Adoption.Dimension.of(entry.getKey()));
            List<String> values = new ArrayList<>();
            entry.getValue().forEach(v -> values.add(v.asText()));
            filters.put(d, values);
        }
        int top = p.path("top").asInt(10);
        if (top < 1 || top > 100) {
            throw new InvalidDashboard(where + ".top: between 1 and 100");
        }
        if ((chart.equals("area") || chart.equals("headline")) && by != Adoption.Dimension.ORIGIN) {
            throw new InvalidDashboard(where + ".by: an " + chart + " panel is broken down by origin");
        }
        int weeks = p.path("weeks").asInt(26);
        if (weeks < 2 || weeks > 520) {
            throw new InvalidDashboard(where + ".weeks: between 2 and 520");
        }
        return new DashboardDefinition.Panel(id, title, metric, by, view, split, chart, filters, top, weeks);
    }

    private static <T> T parse(String where, Supplier<T> value) {
        try {
            return value.get();
        } catch (IllegalArgumentException e) {
            throw new InvalidDashboard(where + ": " + e.getMessage());
        }
    }

    private static String required(JsonNode node, String field, String where) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull() || v.asText().isBlank()) {
            throw new InvalidDashboard(where + "." + field + ": required");
        }
        return v.asText();
    }

    private static Map<String, String> texts(JsonNode node, String field, String where, boolean required) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                throw new InvalidDashboard(where + "." + field + ": required");
            }
            return Map.of();
        }
        if (v.isTextual()) {
            return Map.of("en", v.asText());
        }
        Map<String, String> out = new LinkedHashMap<>();
        v.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        if (!out.containsKey("en")) {
            throw new InvalidDashboard(where + "." + field + ".en: required");
        }
        return Map.copyOf(out);
    }

    static final class InvalidDashboard extends RuntimeException {
        InvalidDashboard(String message) {
            super(message);
        }
    }
}
