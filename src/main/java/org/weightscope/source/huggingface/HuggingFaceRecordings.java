package org.weightscope.source.huggingface;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.weightscope.shared.Json;
import org.weightscope.source.Recording;

/**
 * The recorded Hub responses under {@code <dir>/huggingface}: {@code /api/models} list pages (a JSON array
 * of items), {@code /api/trending} captures (items keyed by id, each with {@code repoData}) and the
 * {@code /api/models/{id}?full=True} bodies. The capture date is in the file name. Files of one day are
 * merged per model, fuller bodies last (list, trending, then full), so each day is one recording.
 */
public final class HuggingFaceRecordings {

    private static final Pattern DATED =
            Pattern.compile("api-(models|trending|models-id-full)_.*?(\\d{4}-\\d{2}-\\d{2})\\.json");
    private final ObjectMapper json = Json.mapper();

    public List<Recording> readAll(Path dir) {
        Path hf = dir.resolve("huggingface");
        if (!Files.isDirectory(hf)) {
            return List.of();
        }
        record File(Path path, LocalDate day, String kind) {}
        TreeMap<LocalDate, List<File>> byDay = new TreeMap<>();
        try (Stream<Path> files = Files.list(hf)) {
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString();
                Matcher m = DATED.matcher(name);
                if (!m.matches()) {
                    continue;
                }
                String kind = name.startsWith("api-models-id-full") ? "full" : m.group(1);
                LocalDate day = LocalDate.parse(m.group(2));
                byDay.computeIfAbsent(day, d -> new ArrayList<>()).add(new File(file, day, kind));
            }
            List<Recording> out = new ArrayList<>();
            for (var e : byDay.entrySet()) {
                List<File> files1 = new ArrayList<>(e.getValue());
                files1.sort(Comparator.comparingInt(
                        f -> List.of("models", "trending", "full").indexOf(f.kind())));
                Map<String, ObjectNode> items = new LinkedHashMap<>();
                Map<String, String> sourceOf = new LinkedHashMap<>();
                for (File f : files1) {
                    JsonNode root = json.readTree(f.path().toFile());
                    List<JsonNode> bodies = new ArrayList<>();
                    if (f.kind().equals("trending")) {
                        root.fields()
                                .forEachRemaining(x -> bodies.add(x.getValue().path("repoData")));
                    } else {
                        root.forEach(bodies::add);
                    }
                    for (JsonNode body : bodies) {
                        if (!body.isObject() || !body.hasNonNull("id")) continue;
                        items.computeIfAbsent(body.get("id").asText(), k -> json.createObjectNode())
                                .setAll((ObjectNode) body);
                        sourceOf.put(
                                body.get("id").asText(), f.path().getFileName().toString());
                    }
                }
                List<Recording.Item> models = new ArrayList<>(items.size());
                items.forEach((id, body) -> models.add(new Recording.Item(HubItems.item(body), sourceOf.get(id))));
                out.add(new Recording(
                        HuggingFaceSource.ID,
                        e.getKey(),
                        files1.stream()
                                .map(f -> f.path().getFileName().toString())
                                .toList(),
                        models,
                        false));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the recordings in " + hf, e);
        }
    }
}
