package org.weightscope.shared;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one {@link Clock} of the app (UTC). Everything that asks for "now" takes it by injection, so a test
 * can replace it with a fixed clock ({@code @TestBean Clock clock} or {@code @MockitoBean}).
 */
@Configuration(proxyBeanMethods = false)
class TimeConfiguration {

    /** Unless the context brings its own (a benchmark replaying past days registers its day clock first). */
    @Bean
    @org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean(Clock.class)
    Clock clock() {
        return Clock.systemUTC();
    }
}
