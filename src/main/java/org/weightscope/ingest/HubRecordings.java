package org.weightscope.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.weightscope.catalogue.CatalogueService.Observation;
import org.weightscope.catalogue.HubFigures;
import org.weightscope.catalogue.ModelFacts;

/**
 * Reads the recorded Hugging Face responses: {@code /api/models} list pages (a JSON array of items) and
 * {@code /api/trending} captures (items keyed by id, each with {@code repoData}). The capture date is in
 * the file name.
 */
final class HubRecordings {

    private static final Pattern DATED = Pattern.compile("api-(models|trending)_.*?(\\d{4}-\\d{2}-\\d{2})\\.json");

    private final ObjectMapper json = new ObjectMapper();

    /** One recorded file: its capture date and the models in it. */
    record Recording(Path file, LocalDate captured, List<Observation> models) {}

    /** Every dated recording under {@code dir/huggingface}, oldest first. */
    List<Recording> readAll(Path dir) throws IOException {
        Path hf = dir.resolve("huggingface");
        if (!Files.isDirectory(hf)) {
            return List.of();
        }
        List<Recording> recordings = new ArrayList<>();
        try (Stream<Path> files = Files.list(hf)) {
            for (Path file : files.sorted().toList()) {
                Matcher m = DATED.matcher(file.getFileName().toString());
                if (!m.matches() || file.getFileName().toString().contains("-id-full")) {
                    continue;
                }
                LocalDate date = LocalDate.parse(m.group(2));
                recordings.add(new Recording(file, date, read(file, date, m.group(1).equals("trending"))));
            }
        }
        recordings.sort((a, b) -> a.captured().compareTo(b.captured()));
        return recordings;
    }

    List<Observation> read(Path file, LocalDate captured, boolean trending) throws IOException {
        JsonNode root = json.readTree(file.toFile());
        Instant asOf = captured.atStartOfDay(ZoneOffset.UTC).toInstant();
        String source = "recording:" + file.getFileName();
        List<Observation> models = new ArrayList<>();
        if (trending) {
            for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
                JsonNode data = it.next().getValue().path("repoData");
                models.add(model(data, asOf, source));
            }
        } else {
            for (JsonNode item : root) {
                models.add(model(item, asOf, source));
            }
        }
        return models;
    }

    private static Observation model(JsonNode item, Instant asOf, String source) {
        String repoId = item.path("id").asText();
        String author = text(item, "author");
        List<String> tags = new ArrayList<>();
        item.path("tags").forEach(t -> tags.add(t.asText()));
        Long parameters = item.hasNonNull("numParameters") ? item.get("numParameters").asLong() : null;
        ModelFacts facts = new ModelFacts("huggingface", repoId, author, text(item, "pipeline_tag"),
                text(item, "library_name"), tags, Map.of(), Map.of(), parameters, null, null);
        HubFigures figures = new HubFigures(item.has("gated") ? item.get("gated").asText() : null, text(item, "sha"),
                instant(item, "createdAt"), instant(item, "lastModified"),
                item.hasNonNull("downloads") ? item.get("downloads").asLong() : null,
                item.hasNonNull("downloadsAllTime") ? item.get("downloadsAllTime").asLong() : null,
                item.hasNonNull("likes") ? item.get("likes").asLong() : null);
        return new Observation(facts, figures, asOf, true, source);
    }

    private static String text(JsonNode item, String field) {
        return item.hasNonNull(field) ? item.get(field).asText() : null;
    }

    private static Instant instant(JsonNode item, String field) {
        return item.hasNonNull(field) ? Instant.parse(item.get(field).asText()) : null;
    }
}
