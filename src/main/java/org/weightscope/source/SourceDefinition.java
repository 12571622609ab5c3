package org.weightscope.source;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.file.Path;

/**
 * The generic part of a source definition file {@code crawlers/<id>.yaml}; the hub-specific part stays in
 * {@link #raw()} and is bound by the source's own record ({@link SourceDefinitions#bind}).
 *
 * @param id        the file's base name, e.g. {@code huggingface}
 * @param kind      e.g. {@code hub}, {@code api}, {@code registry}
 * @param baseUrl   absolute http(s) URL every request is resolved against
 * @param schedule  Quartz cron expression of the default scope
 * @param rateLimit requests per second allowed against the base URL's host
 * @param pageSize  items per listing page
 * @param file      the file it was read from (for error messages)
 * @param raw       the whole file as a tree
 */
public record SourceDefinition(String id, String kind, URI baseUrl, String schedule, RateLimit rateLimit,
        int pageSize, Path file, JsonNode raw) {

    /** {@code "5/s"}, {@code "300/min"} or {@code "10000/h"} in the file. */
    public record RateLimit(double perSecond) {

        public static RateLimit parse(String text) {
            String t = text.strip();
            int slash = t.indexOf('/');
            if (slash < 0 && t.matches("[0-9]+(\\.[0-9]+)?")) {
                // a bare number is requests per second (the form the other hubs' definitions use)
                t = t + "/s";
                slash = t.indexOf('/');
            }
            if (slash < 1) {
                throw new IllegalArgumentException("'" + text + "' is not <requests>/<s|min|h> or requests per second");
            }
            double n = Double.parseDouble(t.substring(0, slash).strip());
            double seconds = switch (t.substring(slash + 1).strip()) {
                case "s", "sec", "second" -> 1;
                case "min", "minute" -> 60;
                case "h", "hour" -> 3600;
                default -> throw new IllegalArgumentException("'" + text + "': unit must be s, min or h");
            };
            if (!(n > 0)) {
                throw new IllegalArgumentException("'" + text + "': requests must be > 0");
            }
            return new RateLimit(n / seconds);
        }

        /** Minimum gap between two requests to the host, in nanoseconds. */
        public long intervalNanos() {
            return (long) (1_000_000_000L / perSecond);
        }
    }
}
