package org.weightscope.source;

import java.io.IOException;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;

/** What the {@link Fetcher} reads from an answer (Retry-After) and says about one (errors, bodies with secrets cut out). */
final class HttpAnswers {

    private HttpAnswers() {}

    /** Retry-After as delta-seconds or HTTP-date (RFC 9110 10.2.3). */
    static Optional<Duration> retryAfter(HttpHeaders headers) {
        Optional<String> v = headers.firstValue("Retry-After");
        if (v.isEmpty()) return Optional.empty();
        String s = v.get().strip();
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(s))));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(s, DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration d = Duration.between(ZonedDateTime.now(at.getZone()), at);
                return Optional.of(d.isNegative() ? Duration.ZERO : d);
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }
    }

    /** The JDK's words for a connection that ended before any answer are cryptic: said plainly, exception kept. */
    static String describe(IOException e) {
        String m = String.valueOf(e.getMessage());
        if (e instanceof java.nio.channels.ClosedChannelException
                || m.contains("received no bytes")
                || m.contains("Connection reset")
                || m.contains("Broken pipe")
                || m.contains("EOF reached")
                || m.contains("bytes received")
                // HTTP/2 (the JDK client upgrades plain http to h2c): the server reset the stream
                || m.contains("RST_STREAM")
                || m.contains("Stream cancelled")) {
            return "the connection was closed or reset before a complete answer (" + e + ")";
        }
        return e.toString();
    }

    /** Error bodies may echo the request (WireMock, proxies do): header values such as the API key are cut out. */
    static String redact(String text, Map<String, String> headers) {
        if (text == null) return null;
        String out = text;
        for (String v : headers.values()) {
            for (String part : v.split("\\s+")) {
                if (part.length() >= 8) out = out.replace(part, "[redacted]");
            }
        }
        return out;
    }

    static String snippet(String body) {
        if (body == null || body.isBlank()) return "";
        String s = body.strip().replaceAll("\\s+", " ");
        return ": " + (s.length() > 200 ? s.substring(0, 200) + "…" : s);
    }
}
