package org.weightscope.catalogue;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The attribution rules, read once from crawlers/registry at start-up (validated). */
@Configuration(proxyBeanMethods = false)
class AttributionConfiguration {

    @Bean
    Attributor attributor(AttributionSettings settings) {
        return Attributor.load(settings);
    }
}
