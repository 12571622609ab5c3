package org.weightscope.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Writes the error body every route answers with: {@code {"error": …, "parameter": …}} (parameter optional). */
public final class JsonErrors {

    private JsonErrors() {}

    public static String body(String message, String parameter) {
        StringBuilder json = new StringBuilder("{\"error\":").append(quote(message));
        if (parameter != null) json.append(",\"parameter\":").append(quote(parameter));
        return json.append('}').toString();
    }

    /** Replaces whatever was buffered; does nothing when the answer is already on its way. */
    public static void write(HttpServletResponse response, int status, String message, String parameter)
            throws IOException {
        if (response.isCommitted()) return;
        response.resetBuffer();
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        byte[] bytes = body(message, parameter).getBytes(StandardCharsets.UTF_8);
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
        response.flushBuffer();
    }

    /** 429 with {@code Retry-After}, the message ending in when to try again. */
    static void tooManyRequests(HttpServletResponse response, long retryAfterSeconds, String message)
            throws IOException {
        response.setHeader("Retry-After", Long.toString(retryAfterSeconds));
        write(response, 429, message + "; try again in " + retryAfterSeconds + " s", null);
    }

    static String quote(String s) {
        StringBuilder q = new StringBuilder(s.length() + 2).append('"');
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> q.append("\\\"");
                case '\\' -> q.append("\\\\");
                default -> {
                    if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == 0x2028 || c == 0x2029) {
                        q.append(String.format("\\u%04x", (int) c));
                    } else {
                        q.append(c);
                    }
                }
            }
        }
        return q.append('"').toString();
    }

    /** The words of a status for people, never the server's own text. */
    static String reason(int status) {
        return switch (status) {
            case 400 -> "bad request";
            case 401 -> "authentication required";
            case 403 -> "forbidden";
            case 404 -> "not found";
            case 405 -> "method not allowed";
            case 406 -> "not acceptable";
            case 408 -> "the request took too long to arrive";
            case 413 -> "the request body is too large";
            case 414 -> "the request URI is too long";
            case 415 -> "unsupported content type";
            case 429 -> "too many requests; try again later";
            case 431 -> "the request headers are too large";
            case 503 -> "the service is unavailable at the moment; try again later";
            default -> status >= 500 ? "internal error; it has been logged" : "request refused";
        };
    }
}
