package org.weightscope.web;

import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.catalina.Lifecycle;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.weightscope.shared.PublicBaseUrl;

/** Puts the web module's filters, Tomcat settings and session cap in place. */
@Configuration
public class WebConfiguration {

    @Bean
    PublicBaseUrl publicBaseUrl(@Value("${weightscope.public-base-url:}") String value) {
        return new PublicBaseUrl(value);
    }

    @Bean
    public BodyLimitFilter bodyLimitFilter(HttpSettings settings) {
        return new BodyLimitFilter(settings);
    }

    @Bean
    public RateLimitFilter rateLimitFilter(HttpSettings settings) {
        return new RateLimitFilter(settings);
    }

    @Bean
    public LoginThrottle loginThrottle(HttpSettings settings, ObjectProvider<Clock> clock) {
        return new LoginThrottle(settings, clock.getIfAvailable(Clock::systemUTC));
    }

    // The filters' places in the servlet chain, all of them ahead of Spring Security's filter chain.

    @Bean
    FilterRegistrationBean<MalformedHeaderFilter> malformedHeaderRegistration() {
        return at(5, new MalformedHeaderFilter());
    }

    @Bean
    FilterRegistrationBean<RateLimitFilter> rateLimitRegistration(RateLimitFilter filter) {
        return at(10, filter);
    }

    /** Before everything else, Spring Security included: nothing reads a body before it is bounded. */
    @Bean
    FilterRegistrationBean<BodyLimitFilter> bodyLimitRegistration(BodyLimitFilter filter) {
        return at(20, filter);
    }

    /** Before Spring Security too: a throttled attempt never reaches the password encoder. */
    @Bean
    FilterRegistrationBean<LoginThrottle> loginThrottleRegistration(LoginThrottle filter) {
        return at(30, filter);
    }

    private static <F extends jakarta.servlet.Filter> FilterRegistrationBean<F> at(int afterHighest, F filter) {
        FilterRegistrationBean<F> r = new FilterRegistrationBean<>(filter);
        r.setOrder(Ordered.HIGHEST_PRECEDENCE + afterHighest);
        return r;
    }

    /**
     * Sessions nobody has logged in to time out after {@link HttpSettings#anonymousSessionTimeout()}; once
     * {@link HttpSettings#anonymousSessions()} are open, new ones after {@link HttpSettings#crowdedSessionTimeout()}.
     */
    @Bean
    SessionCap sessionCap(HttpSettings settings) {
        return new SessionCap(settings);
    }

    public static final class SessionCap implements HttpSessionListener {
        private final HttpSettings settings;
        private final AtomicInteger open = new AtomicInteger();

        SessionCap(HttpSettings settings) {
            this.settings = settings;
        }

        public int open() {
            return open.get();
        }

        @Override
        public void sessionCreated(HttpSessionEvent se) {
            int n = open.incrementAndGet();
            Duration timeout = n > settings.anonymousSessions()
                    ? settings.crowdedSessionTimeout()
                    : settings.anonymousSessionTimeout();
            se.getSession().setMaxInactiveInterval((int) timeout.toSeconds());
        }

        @Override
        public void sessionDestroyed(HttpSessionEvent se) {
            open.decrementAndGet();
        }
    }

    /** Tomcat: the JSON error valve, the slow-client protocol with its deadlines. */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> tomcatHardening(HttpSettings settings) {
        return factory -> {
            factory.setProtocol(SlowClientProtocol.class.getName());
            factory.addProtocolHandlerCustomizers(handler -> {
                if (handler instanceof SlowClientProtocol p) {
                    p.setHeaderTimeout(settings.headerTimeout().toMillis());
                    p.setBodyTimeout(settings.bodyTimeout().toMillis());
                }
            });
            factory.addContextValves(new RefusedBodyValve());
            // a multipart body over the limit: Tomcat stops reading it rather than swallowing the rest
            factory.addContextCustomizers(context -> context.setSwallowAbortedUploads(false));
            factory.addContextCustomizers(context -> context.addLifecycleListener(event -> {
                if (Lifecycle.BEFORE_START_EVENT.equals(event.getType()) && context.getParent() != null) {
                    JsonErrorReportValve.install(context.getParent());
                }
            }));
        };
    }
}
