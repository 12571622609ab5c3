package org.weightscope.dashboard;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.ResourceBundle;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;
import org.weightscope.catalogue.Adoption;
import org.weightscope.catalogue.AdoptionService;

/**
 * {@code /embed/<dashboard>/<panel>}: a dashboard panel without the app around it, for an iframe on another site.
 * Server-rendered HTML with the figures drawn as an inline SVG bar chart and the same figures as a table (a text
 * alternative), title, as-of, view, coverage and the source link: no script, no session, so it renders in any
 * third-party frame. The security configuration lets only this route be framed.
 */
@RestController
class EmbedController {

    private final DashboardDefinitions dashboards;
    private final AdoptionService adoption;

    EmbedController(DashboardDefinitions dashboards, AdoptionService adoption) {
        this.dashboards = dashboards;
        this.adoption = adoption;
    }

    @GetMapping(value = "/embed/{dashboard}/{panel}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> embed(
            @PathVariable String dashboard,
            @PathVariable String panel,
            @RequestParam(required = false) String at,
            @RequestParam(required = false) String lang) {
        Locale locale = "zh".equals(lang) ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
        ResourceBundle texts = ResourceBundle.getBundle("vaadin-i18n.translations", locale);
        DashboardDefinition.Panel p = dashboards.get(dashboard).stream()
                .flatMap(d -> d.panels().stream())
                .filter(x -> x.id().equals(panel))
                .findFirst()
                .orElse(null);
        if (p == null) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND)
                    .contentType(MediaType.TEXT_HTML)
                    .body(page(
                            "en",
                            "Not found",
                            "<p>" + HtmlUtils.htmlEscape(texts.getString("notFound.title")) + "</p>"));
        }
        // a figure list: the panel's own breakdown; a headline or a series shows the lineage view as of the day
        Adoption.Query query = p.chart().equals("headline")
                ? new Adoption.Query(p.metric(), Adoption.Dimension.ORIGIN, Adoption.View.LINEAGE, p.filters(), p.top())
                : p.query();
        Adoption a = adoption.asOf(query, day(at));
        String title = DashboardDefinition.text(p.title(), locale);
        String source = "/" + (dashboard.equals("overview") ? "" : "dashboards/" + dashboard)
                + (a.at() == null ? "?" : "?at=" + a.at() + "&") + "lang=" + locale.getLanguage() + "#" + p.id()
                + "-panel";
        StringBuilder body = new StringBuilder()
                .append("<h1>")
                .append(HtmlUtils.htmlEscape(title))
                .append("</h1>")
                .append(EmbedSvg.bars(a, title, key -> label(key, locale, texts)))
                .append("<table><thead><tr><th>")
                .append(HtmlUtils.htmlEscape(texts.getString("dimension." + a.by())))
                .append("</th><th>")
                .append(HtmlUtils.htmlEscape(texts.getString("metric." + a.metric())))
                .append("</th><th>")
                .append(HtmlUtils.htmlEscape(texts.getString("table.share")))
                .append("</th></tr></thead><tbody>");
        for (Adoption.Figure f : a.figures()) {
            body.append("<tr><td>")
                    .append(HtmlUtils.htmlEscape(label(f.key(), locale, texts)))
                    .append("</td><td>")
                    .append(Numbers.integer(f.value(), locale))
                    .append("</td><td>")
                    .append(Numbers.percent(f.share()))
                    .append("</td></tr>");
        }
        body.append("</tbody></table><p class=\"caption\">")
                .append(HtmlUtils.htmlEscape(Caption.citation(a)))
                .append("</p><p class=\"caption\"><a target=\"_blank\" rel=\"noopener\" href=\"")
                .append(HtmlUtils.htmlEscape(source))
                .append("\">Weightscope</a></p>");
        return ResponseEntity.ok()
                .contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .body(page(locale.getLanguage(), title, body.toString()));
    }

    private static String label(String key, Locale locale, ResourceBundle texts) {
        if ("unattributed".equals(key) || "other".equals(key)) {
            return texts.getString("origin." + key);
        }
        return Numbers.country(key, locale);
    }

    private static LocalDate day(String at) {
        try {
            return at == null ? null : LocalDate.parse(at);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String page(String lang, String title, String body) {
        return "<!doctype html><html lang=\"" + lang + "\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>"
                + HtmlUtils.htmlEscape(title) + " · Weightscope</title><style>"
                + "body{font-family:sans-serif;margin:8px;color:#111}h1{font-size:1.1em;margin:0 0 8px}"
                + "svg{max-width:100%;height:auto}table{border-collapse:collapse;font-size:.85em;margin-top:8px}"
                + "td,th{padding:2px 8px;text-align:left;border-bottom:1px solid #ddd}"
                + ".caption{font-size:.8em;color:#444;margin:4px 0}</style></head><body>" + body + "</body></html>";
    }
}
