package org.weightscope.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.weightscope.catalogue.AttributionRules;
import org.weightscope.catalogue.EventFeed;
import org.weightscope.catalogue.ModelEvent;
import org.weightscope.shared.PublicBaseUrl;

/**
 * Model events (releases, licence changes, gating changes, removals), newest first: as JSON/CSV under
 * {@code /api/v1/events} and as Atom feeds under {@code /feeds/<type>.atom}.
 */
@RestController
class EventsController {

    static final Map<String, String> TYPES = Map.of(
            "release",
            ModelEvent.RELEASE,
            "releases",
            ModelEvent.RELEASE,
            "licence-change",
            ModelEvent.LICENCE_CHANGE,
            "licence-changes",
            ModelEvent.LICENCE_CHANGE,
            "gated-change",
            ModelEvent.GATED_CHANGE,
            "gated-changes",
            ModelEvent.GATED_CHANGE,
            "removed",
            ModelEvent.REMOVED,
            "price-change",
            ModelEvent.PRICE_CHANGE,
            "router-model-added",
            ModelEvent.ROUTER_MODEL_ADDED,
            "router-model-removed",
            ModelEvent.ROUTER_MODEL_REMOVED);
    private static final Set<String> PARAMS = Set.of("type", "origin", "view", "hub", "from", "size", "format");
    private static final Set<String> FEED_PARAMS = Set.of("origin", "view");
    static final int MAX_SIZE = 500;

    private final EventFeed feed;
    private final AttributionRules rules;

    private final PublicBaseUrl publicBase;

    EventsController(EventFeed feed, AttributionRules rules, PublicBaseUrl publicBase) {
        this.publicBase = publicBase;
        this.feed = feed;
        this.rules = rules;
    }

    @GetMapping("/api/v1/events")
    @Operation(
            summary = "Model events, newest first",
            description = "type: release, licence-change, gated-change or"
                    + " removed; origin filters in the chosen view (lineage by default).")
    @FormatParameter
    ResponseEntity<?> events(
            @Parameter(
                            description = "release, licence-change, gated-change, removed; OpenRouter: price-change,"
                                    + " router-model-added, router-model-removed (default: any)")
                    @RequestParam(required = false)
                    String type,
            @Parameter(description = "ISO country or unattributed") @RequestParam(required = false) String origin,
            @Parameter(description = "lineage (default) or uploader") @RequestParam(required = false) String view,
            @Parameter(description = "huggingface, modelscope, openrouter, ollama") @RequestParam(required = false)
                    String hub,
            @Parameter(description = "only events at or after this day (yyyy-mm-dd)") @RequestParam(required = false)
                    String from,
            @Parameter(description = "1–500, default 100") @RequestParam(required = false) Integer size,
            HttpServletRequest request) {
        Params.onlyKnown(request.getParameterMap(), PARAMS);
        EventFeed.Filter filter = filter(type, origin, view, hub, from);
        int n = Params.range("size", size, 100, 1, MAX_SIZE);
        List<ModelEvent> events = feed.recent(filter, n);
        Instant asOf = feed.newest();
        Citation c = new Citation(asOf, null, null, filter.view().id(), rules.version());
        if (Params.csv(request)) {
            Csv out = new Csv(
                    c,
                    List.of(
                            "at",
                            "type",
                            "model",
                            "hub",
                            "old_value",
                            "new_value",
                            "old_licence",
                            "new_licence",
                            "uploader_origin",
                            "lineage_origin"));
            events.forEach(e -> out.row(List.of(
                    String.valueOf(e.at()),
                    e.type(),
                    e.repoId(),
                    e.hub(),
                    nz(e.oldValue()),
                    nz(e.newValue()),
                    nz(e.oldLicenceId()),
                    nz(e.newLicenceId()),
                    e.uploaderOrigin(),
                    e.lineageCountries())));
            return ResponseEntity.ok()
                    .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"weightscope-events.csv\"")
                    .body(out.toString());
        }
        List<Responses.EventItem> items = events.stream()
                .map(e -> new Responses.EventItem(
                        e.id(),
                        e.type(),
                        e.repoId(),
                        e.hub(),
                        e.author(),
                        String.valueOf(e.at()),
                        String.valueOf(e.day()),
                        e.oldValue(),
                        e.newValue(),
                        e.oldLicenceId(),
                        e.newLicenceId(),
                        e.uploaderOrigin(),
                        e.lineageCountries(),
                        e.recorded()))
                .toList();
        return ResponseEntity.ok(new Responses.Events(
                c.asOfText(), filter.view().id(), rules.version(), c.text(), filter.type(), feed.count(filter), items));
    }

    @GetMapping(path = "/feeds/{type}.atom", produces = "application/atom+xml")
    ResponseEntity<String> atom(
            @PathVariable String type,
            @RequestParam(required = false) String origin,
            @RequestParam(required = false) String view,
            HttpServletRequest request) {
        Params.onlyKnown(request.getParameterMap(), FEED_PARAMS);
        EventFeed.Filter filter = filter(type, origin, view, null, null);
        List<ModelEvent> events = feed.recent(filter, 100);
        // absolute links from the configured public base URL, never from the caller's Host header
        String base = publicBase.base(request.getLocalPort());
        String self = base + "/feeds/" + type + ".atom"
                + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        Instant updated = events.isEmpty() ? Instant.EPOCH : events.get(0).at();
        StringBuilder x = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n")
                .append("<feed xmlns=\"http://www.w3.org/2005/Atom\">\n")
                .append("  <title>")
                .append(esc("Weightscope: " + filter.type() + (origin == null ? "" : " (" + origin + ")")))
                .append("</title>\n")
                .append("  <id>")
                .append(esc(self))
                .append("</id>\n")
                .append("  <link rel=\"self\" href=\"")
                .append(esc(self))
                .append("\"/>\n")
                .append("  <updated>")
                .append(DateTimeFormatter.ISO_INSTANT.format(updated))
                .append("</updated>\n")
                .append("  <author><name>Weightscope</name></author>\n");
        for (ModelEvent e : events) {
            String link = base + "/models/" + e.hub() + "/" + e.repoId();
            x.append("  <entry>\n")
                    .append("    <id>tag:weightscope,2026:")
                    .append(esc(e.id()))
                    .append("</id>\n")
                    .append("    <title>")
                    .append(esc(title(e)))
                    .append("</title>\n")
                    .append("    <link href=\"")
                    .append(esc(link))
                    .append("\"/>\n")
                    .append("    <updated>")
                    .append(DateTimeFormatter.ISO_INSTANT.format(e.at()))
                    .append("</updated>\n")
                    .append("    <summary>")
                    .append(esc(summary(e)))
                    .append("</summary>\n")
                    .append("  </entry>\n");
        }
        x.append("</feed>\n");
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/atom+xml;charset=UTF-8"))
                .body(x.toString());
    }

    private static EventFeed.Filter filter(String type, String origin, String view, String hub, String from) {
        String t = null;
        if (type != null) {
            t = TYPES.get(type.toLowerCase(Locale.ROOT));
            if (t == null) {
                throw new BadParameterException(
                        "type",
                        "unknown event type '" + Params.shorten(type)
                                + "' (use release, licence-change, gated-change, removed, price-change, router-model-added or"
                                + " router-model-removed)");
            }
        }
        String o = origin == null || origin.isBlank() ? null : Params.origin("origin", origin);
        String h = hub == null ? null : Params.hub("hub", hub);
        java.time.LocalDate day = Params.date("from", from);
        return new EventFeed.Filter(
                t,
                o,
                Params.view(view),
                h,
                null,
                day == null ? null : day.atStartOfDay(java.time.ZoneOffset.UTC).toInstant(),
                null);
    }

    private static String title(ModelEvent e) {
        return switch (e.type()) {
            case ModelEvent.RELEASE -> "New model: " + e.repoId();
            case ModelEvent.LICENCE_CHANGE ->
                "Licence change: " + e.repoId() + " (" + nz(e.oldValue()) + " → " + nz(e.newValue()) + ")";
            case ModelEvent.GATED_CHANGE ->
                "Gating change: " + e.repoId() + " (" + nz(e.oldValue()) + " → " + nz(e.newValue()) + ")";
            case ModelEvent.REMOVED -> "Removed: " + e.repoId();
            default -> e.type() + ": " + e.repoId();
        };
    }

    private static String summary(ModelEvent e) {
        return title(e) + ". Uploader origin " + e.uploaderOrigin() + ", lineage origin " + e.lineageCountries()
                + (e.recorded() ? ". From recorded data (" + e.source() + ")." : ".");
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /** XML text and attribute escaping: hub text can contain anything. */
    static String esc(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> {
                    if (ch >= 0x20 || ch == '\n' || ch == '\t') {
                        out.append(ch);
                    }
                }
            }
        }
        return out.toString();
    }
}
