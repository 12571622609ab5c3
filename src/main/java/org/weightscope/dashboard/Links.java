package org.weightscope.dashboard;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.web.context.support.WebApplicationContextUtils;
import org.weightscope.catalogue.Adoption;
import org.weightscope.shared.PublicBaseUrl;

/**
 * Absolute links a reader can paste elsewhere: permalinks (with the UI language as {@code lang=}), the stable API
 * URL of a figure, the embed route. The base is {@code weightscope.public-base-url}, else {@code localhost} on the
 * port the request came in on — never the request's {@code Host} header.
 */
final class Links {

    private Links() {}

    static String base() {
        var request = com.vaadin.flow.server.VaadinServletRequest.getCurrent();
        if (request == null) {
            return new PublicBaseUrl(null).base(8080);
        }
        var spring = WebApplicationContextUtils.getWebApplicationContext(request.getServletContext());
        PublicBaseUrl configured = spring == null
                ? null
                : spring.getBeanProvider(PublicBaseUrl.class).getIfAvailable();
        return (configured == null ? new PublicBaseUrl(null) : configured).base(request.getLocalPort());
    }

    /** "en" or "zh": the language of the UI the component is shown in. */
    static String lang(Component in) {
        return locale().getLanguage().equals("zh") ? "zh" : "en";
    }

    static Locale locale() {
        Locale l = UI.getCurrent() != null ? UI.getCurrent().getLocale() : null;
        return l == null ? Locale.ENGLISH : l;
    }

    /** {@code path?query&lang=xx}; path starts with '/'. */
    static String permalink(String path, Map<String, String> query, Component in) {
        String q = query.entrySet().stream()
                .filter(e -> e.getValue() != null)
                .map(e -> e.getKey() + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return base() + path + "?" + (q.isEmpty() ? "" : q + "&") + "lang=" + lang(in);
    }

    /** The API answer of exactly this figure (same metric, dimension, view, top, day, filters). */
    static String adoption(Adoption.Query query, LocalDate at, String format) {
        StringBuilder s = new StringBuilder(base())
                .append("/api/v1/adoption?metric=")
                .append(query.metric().id())
                .append("&by=")
                .append(query.by().id())
                .append("&view=")
                .append(query.view().id())
                .append("&top=")
                .append(query.top());
        query.filters()
                .forEach((d, v) ->
                        s.append("&filter.").append(d.id()).append('=').append(String.join(",", v)));
        if (at != null) {
            s.append("&at=").append(at);
        }
        if (format != null) {
            s.append("&format=").append(format);
        }
        return s.toString();
    }

    /** The API series of exactly this chart. */
    static String series(Adoption.Query query, LocalDate from, LocalDate to, String sample, String format) {
        String one = adoption(query, null, null);
        return one + "&from=" + from + "&to=" + to + (sample == null ? "" : "&sample=" + sample)
                + (format == null ? "" : "&format=" + format);
    }

    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
