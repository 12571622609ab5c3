package org.weightscope.ops;

import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.actuate.endpoint.HealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointWebExtension;
import org.springframework.boot.health.actuate.endpoint.StatusAggregator;
import org.springframework.boot.health.autoconfigure.actuate.endpoint.HealthEndpointProperties;
import org.springframework.boot.health.registry.HealthContributorRegistry;
import org.springframework.boot.health.registry.ReactiveHealthContributorRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code GET /actuator/health} for a caller who may not see the components (anyone but the admin) is exactly
 * {@code {"status":"UP"}}: Spring Boot's web extension lists the names of the health groups at the root whatever the
 * caller may see, which tells an anonymous caller how the app is probed. Here the group names go with the components:
 * shown where the components are shown. Everything else is Spring Boot's own extension (it replaces the
 * auto-configured one, which backs off when such a bean exists).
 */
@Configuration(proxyBeanMethods = false)
class StatusOnlyHealth {

    @Bean
    HealthEndpointWebExtension healthEndpointWebExtension(
            HealthContributorRegistry registry,
            ObjectProvider<ReactiveHealthContributorRegistry> reactive,
            HealthEndpointGroups groups,
            HealthEndpointProperties properties) {
        return new HealthEndpointWebExtension(
                registry,
                reactive.getIfAvailable(),
                groups,
                properties.getLogging().getSlowIndicatorThreshold()) {
            @Override
            protected HealthDescriptor aggregateDescriptors(
                    org.springframework.boot.actuate.endpoint.ApiVersion apiVersion,
                    Map<String, HealthDescriptor> contributions,
                    StatusAggregator statusAggregator,
                    boolean showComponents,
                    Set<String> groupNames) {
                return super.aggregateDescriptors(
                        apiVersion,
                        contributions,
                        statusAggregator,
                        showComponents,
                        showComponents ? groupNames : null);
            }
        };
    }
}
