package org.weightscope.source;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.weightscope.shared.Json;

/**
 * Says what is wrong with a 2xx body, or null when it is complete; the {@link Fetcher} retries a body found
 * incomplete like a 5xx. A server can cut a body short and still send a matching {@code Content-Length} (a
 * proxy, a crashed worker): without this check such a page would be stored as if it were the whole page.
 */
@FunctionalInterface
public interface BodyCheck {

    String problem(byte[] body);

    BodyCheck NONE = b -> null;

    /** The whole body parses as one JSON value. */
    BodyCheck JSON = body -> {
        ObjectMapper mapper = Json.mapper();
        try {
            return mapper.readTree(body) == null ? "empty body" : null;
        } catch (IOException e) {
            String m = String.valueOf(e.getMessage());
            return "broken JSON (" + body.length + " bytes): "
                    + (m.contains("\n") ? m.substring(0, m.indexOf('\n')) : m);
        }
    };

    /** An HTML document that ends with its closing {@code </html>} tag (a cut page loses its tail). */
    BodyCheck HTML = body -> {
        int from = Math.max(0, body.length - 4096);
        String tail = new String(body, from, body.length - from, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
        return tail.contains("</html>") ? null : "HTML cut short (" + body.length + " bytes, no closing </html>)";
    };

    /** Given the answer's headers too; by default the body alone decides. */
    default String problem(byte[] body, HttpHeaders headers) {
        return problem(body);
    }

    /** The check the answer's {@code Content-Type} calls for: JSON, HTML, or none for anything else. */
    BodyCheck DECLARED = new BodyCheck() {
        @Override
        public String problem(byte[] body) {
            return null;
        }

        @Override
        public String problem(byte[] body, HttpHeaders headers) {
            String type = headers.firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT);
            if (type.startsWith("application/json") || type.contains("+json")) return JSON.problem(body);
            if (type.startsWith("text/html")) return HTML.problem(body);
            return null;
        }
    };
}
