package org.weightscope.api;

import org.springdoc.core.customizers.ServerBaseUrlCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.weightscope.shared.PublicBaseUrl;

/**
 * The OpenAPI document's {@code servers} entry is the configured public base URL
 * ({@code weightscope.public-base-url}), never one built from the caller's {@code Host} header.
 */
@Configuration
class OpenApiServers {

    @Bean
    ServerBaseUrlCustomizer publicServerBaseUrl(PublicBaseUrl publicBase) {
        return (computed, request) -> publicBase.base(localPort(request));
    }

    private static int localPort(org.springframework.http.HttpRequest request) {
        if (request instanceof org.springframework.http.server.ServletServerHttpRequest s) {
            return s.getServletRequest().getLocalPort();
        }
        return 8080;
    }
}
