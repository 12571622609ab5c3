package org.weightscope;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Requests to a running app on loopback, as the admin (HTTP Basic) or anonymously. */
public final class AdminHttp {

    private AdminHttp() {}

    /** A request of {@code path} on the app at {@code port}; {@code credentials} ("user:password") may be null. */
    public static HttpRequest.Builder request(int port, String path, String credentials) {
        return authorize(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)), credentials);
    }

    /** Adds HTTP Basic credentials ("user:password"), unless null. */
    public static HttpRequest.Builder authorize(HttpRequest.Builder request, String credentials) {
        if (credentials != null) {
            request.header(
                    "Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return request;
    }
}
