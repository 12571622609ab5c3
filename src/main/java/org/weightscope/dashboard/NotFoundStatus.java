package org.weightscope.dashboard;

import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.server.VaadinServletContext;
import com.vaadin.flow.server.startup.ApplicationRouteRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Vaadin answers every page request with the same bootstrap page (200) and resolves the route in the browser's
 * first round trip, where the {@link NotFoundView} is shown. This sets the page request's status to 404 when no
 * view is registered for its path, so an unknown URL is a 404 for crawlers, link checkers and curl too.
 */
@Component
class NotFoundStatus extends OncePerRequestFilter {

    /** Paths that are not views: the API, the embed route, feeds, docs, Vaadin's own resources, files. */
    private static final List<String> NOT_VIEWS =
            List.of("api/", "embed/", "feeds/", "VAADIN/", "v3/", "swagger-ui", "error", "HEARTBEAT", "sw");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!isUnknownView(request)) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        // Vaadin's bootstrap page sets 200 itself: keep the 404, let any other status (an error) through
        chain.doFilter(request, new jakarta.servlet.http.HttpServletResponseWrapper(response) {
            @Override
            public void setStatus(int sc) {
                super.setStatus(sc == HttpServletResponse.SC_OK ? HttpServletResponse.SC_NOT_FOUND : sc);
            }
        });
    }

    private boolean isUnknownView(HttpServletRequest request) {
        if (!"GET".equals(request.getMethod()) || request.getParameter("v-r") != null) {
            return false;
        }
        String accept = request.getHeader("Accept");
        if (accept == null || !accept.contains("text/html")) {
            return false;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        path = path.startsWith("/") ? path.substring(1) : path;
        String last = path.substring(path.lastIndexOf('/') + 1);
        if (last.contains(".") || NOT_VIEWS.stream().anyMatch(path::startsWith)) {
            return false;
        }
        try {
            var registry = ApplicationRouteRegistry.getInstance(new VaadinServletContext(request.getServletContext()));
            return RouteConfiguration.forRegistry(registry).getRoute(path).isEmpty();
        } catch (RuntimeException e) {
            return false; // the registry is not ready: leave the status to Vaadin
        }
    }
}
