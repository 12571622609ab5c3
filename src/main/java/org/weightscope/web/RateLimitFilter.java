package org.weightscope.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Per-client fairness on the public endpoints: the exposure report (the API and the Vaadin upload, each a
 * resolution of up to 10,000 rows) has its own small budget; the rest of {@code /api/v1/**} and
 * {@code /feeds/**} a larger one. Over a limit the answer is 429 with {@code Retry-After} and the JSON error.
 * A client is its remote address (behind a proxy, set {@code server.forward-headers-strategy}).
 */
public class RateLimitFilter extends OncePerRequestFilter {

    private final ClientLimits exposure;
    private final ClientLimits api;

    public RateLimitFilter(HttpSettings settings) {
        this.exposure = new ClientLimits(settings.exposure());
        this.api = new ClientLimits(settings.api());
    }

    /** Only the public endpoints above are limited. */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return limitsOf(request) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        switch (limitsOf(request).admit(request.getRemoteAddr())) {
            case ClientLimits.Refused r ->
                JsonErrors.tooManyRequests(response, r.retryAfterSeconds(), "too many requests: " + r.why());
            case ClientLimits.Admitted a -> {
                try {
                    chain.doFilter(request, response);
                } finally {
                    a.release().run();
                }
            }
        }
    }

    private ClientLimits limitsOf(HttpServletRequest request) {
        String path = request.getRequestURI();
        boolean post = "POST".equalsIgnoreCase(request.getMethod());
        if (post
                && (path.startsWith("/api/v1/exposure")
                        || (BodyLimitFilter.uploadRoute(request) && !path.startsWith("/api/admin/")))) {
            return exposure;
        }
        if (path.startsWith("/api/v1/") || path.startsWith("/feeds/")) {
            return api;
        }
        return null;
    }
}
