package org.weightscope.source.openrouter;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the Data API's {@code rankings-daily} answer (format: crawlers/fixtures/openrouter/DATA-API-rankings-daily.doc.md).
 * Only {@code meta.version = v1} is accepted: OpenRouter ships incompatible changes behind a new version, and
 * reading a v2 body with v1 rules would store wrong numbers silently.
 */
final class RankingsDailyParser {

    private RankingsDailyParser() {}

    static RankingsDaily parse(String body) {
        JsonNode root = OpenRouterJson.root("rankings-daily", body);
        JsonNode data = OpenRouterJson.data("rankings-daily", root);
        JsonNode meta = root.get("meta");
        if (meta == null || !meta.isObject())
            throw new OpenRouterException("rankings-daily: response has no \"meta\" object");
        String version = required(meta, "version", "meta");
        if (!"v1".equals(version))
            throw new OpenRouterException("rankings-daily: meta.version is '" + version + "', only v1 is understood");
        String asOf = required(meta, "as_of", "meta");
        LocalDate start = date(required(meta, "start_date", "meta"), "meta.start_date");
        LocalDate end = date(required(meta, "end_date", "meta"), "meta.end_date");
        List<RouterUsage> rows = new ArrayList<>(data.size());
        for (int i = 0; i < data.size(); i++) {
            JsonNode r = data.get(i);
            String where = "data[" + i + "]";
            LocalDate day = date(required(r, "date", where), where + ".date");
            String slug = required(r, "model_permaslug", where);
            String tokens = required(r, "total_tokens", where);
            long t;
            try {
                t = Long.parseLong(tokens.strip()); // a decimal string by contract, so 64-bit counts stay exact
            } catch (NumberFormatException e) {
                throw new OpenRouterException(
                        "rankings-daily: " + where + ".total_tokens is not a whole number: '" + tokens + "'");
            }
            boolean other = RouterUsage.OTHER.equals(slug);
            rows.add(new RouterUsage(day, slug, t, other, RouterUsage.Window.DAY));
        }
        return new RankingsDaily(rows, asOf, version, start, end);
    }

    private static String required(JsonNode n, String field, String where) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull() || v.asText().isBlank()) {
            throw new OpenRouterException("rankings-daily: " + where + "." + field + " is missing");
        }
        return v.asText();
    }

    private static LocalDate date(String s, String where) {
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            throw new OpenRouterException("rankings-daily: " + where + " is not YYYY-MM-DD: '" + s + "'");
        }
    }
}
