package org.weightscope.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * An {@code Accept} header that is not a list of media types is ignored (as if absent: the default
 * representation, JSON), so it can neither fail content negotiation nor the error handling after it
 * (Spring MVC's exception resolver itself fails on some, e.g. {@code "><svg/onload=alert(1)>}, with a 500).
 */
public class MalformedHeaderFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String accept = request.getHeader("Accept");
        chain.doFilter(accept == null || readable(accept) ? request : new WithoutAccept(request), response);
    }

    static boolean readable(String accept) {
        try {
            for (MediaType t : MediaType.parseMediaTypes(accept)) {
                t.getQualityValue();
                MediaType.valueOf(t.toString());
            }
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static final class WithoutAccept extends HttpServletRequestWrapper {
        WithoutAccept(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getHeader(String name) {
            return "Accept".equalsIgnoreCase(name) ? null : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return "Accept".equalsIgnoreCase(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
        }

        @Override
        public Enumeration<String> getHeaderNames() {
            return Collections.enumeration(Collections.list(super.getHeaderNames()).stream()
                    .filter(n -> !"Accept".equalsIgnoreCase(n))
                    .toList());
        }
    }
}
