package org.weightscope.shared;

/**
 * {@code weightscope.public-base-url}: the scheme, host and port the app is reached at (e.g.
 * {@code https://weightscope.example.org}), used for every absolute link it writes (Atom feeds, the OpenAPI
 * {@code servers} entry). The request's {@code Host} header is never used: it is the caller's to choose.
 * Unset, links point at {@code http://localhost:<local port>}.
 *
 * @param value the configured base without a trailing slash, or null
 */
public record PublicBaseUrl(String value) {

    public PublicBaseUrl {
        value = value == null || value.isBlank() ? null : value.strip().replaceAll("/+$", "");
    }

    /** The base for a request that reached the app on {@code localPort} (used only when nothing is configured). */
    public String base(int localPort) {
        return value != null ? value : "http://localhost:" + localPort;
    }

    /** {@code path} (starting with '/') made absolute. */
    public String url(String path, int localPort) {
        return base(localPort) + path;
    }
}
