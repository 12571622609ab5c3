package org.weightscope.catalogue.attribution;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.weightscope.catalogue.RegistryException;
import org.weightscope.shared.Json;

/** Reads the YAML rule files under {@code crawlers/registry/}. */
final class RuleFiles {

    private static final ObjectMapper YAML = Json.yaml();

    private RuleFiles() {}

    static JsonNode read(Path file) {
        try {
            JsonNode root;
            try (var reader = Files.newBufferedReader(file)) {
                root = YAML.readTree(reader);
            }
            if (root == null || !root.isObject()) throw new RegistryException(file + ": expected a YAML mapping");
            if (root.path("version").asInt(-1) != 1) {
                throw new RegistryException(file + ": version: expected 1, got " + root.path("version"));
            }
            return root;
        } catch (IOException e) {
            throw new RegistryException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * A rule file read into what {@code build} makes of it; each problem {@code build} adds to the list it is given
     * is thrown together, naming the file, instead of the result.
     */
    static <T> T load(Path file, BiFunction<JsonNode, List<String>, T> build) {
        List<String> errors = new ArrayList<>();
        T built = build.apply(read(file), errors);
        if (!errors.isEmpty()) throw new RegistryException(file.toString(), errors);
        return built;
    }

    static List<String> strings(JsonNode n) {
        List<String> out = new ArrayList<>();
        if (n == null || n.isMissingNode() || n.isNull()) return out;
        if (n.isArray()) n.forEach(x -> out.add(x.asText()));
        else out.add(n.asText());
        return out;
    }
}
