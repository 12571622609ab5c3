package org.weightscope.admin;

import com.vaadin.flow.spring.security.RequestUtil;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.firewall.HttpStatusRequestRejectedHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Five filter chains. {@code /api/admin/**}: HTTP Basic, stateless, no CSRF (no cookie ever authenticates
 * it), 401 for anonymous callers. {@code /actuator/**}: health open, the rest the admin's (Basic or session),
 * 401 for anonymous callers. {@code /embed/**}: frameable by other sites and script-free (see
 * {@link #EMBED_POLICY}). The public read API, its docs, the feeds and {@code /error}: open to
 * anyone, stateless. Everything else: Vaadin's configurer (form login at {@code /login}, view access by
 * {@code @AnonymousAllowed}/{@code @RolesAllowed}) with CSRF on, the login form included. Every chain sends
 * the same security headers; login throttling and body limits are servlet filters of the web module, in
 * front of all of them.
 */
@Configuration
@EnableWebSecurity
class SecurityConfiguration {

    static final String ADMIN = "ADMIN";

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    @Bean
    UserDetailsService admins(
            PasswordEncoder encoder,
            @Value("${weightscope.data-dir}") Path dataDir,
            @Value("${weightscope.admin.password:}") String given) {
        String hash = AdminPassword.hash(dataDir, given, encoder);
        return new InMemoryUserDetailsManager(
                User.withUsername("admin").password(hash).roles(ADMIN).build());
    }

    /**
     * Vaadin-compatible: Flow's client runs its bootstrap inline and evaluates {@code executeJs} (hence
     * 'unsafe-inline' and 'unsafe-eval' for scripts), Lumo and the components set inline styles, charts
     * save as data: URLs; nothing is loaded from elsewhere, and no page may be framed.
     */
    static final String CONTENT_SECURITY_POLICY =
            "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; "
                    + "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; "
                    + "worker-src 'self' blob:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /**
     * The embed route ({@code /embed/**}): server-rendered, no script, no session. The one route another site may
     * frame, hence {@code frame-ancestors *} and no X-Frame-Options; everything else stays unframeable.
     */
    static final String EMBED_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; "
            + "base-uri 'none'; form-action 'none'; frame-ancestors *";

    /**
     * The same headers on every chain: CSP, nosniff, Referrer-Policy, no framing. Written before the request
     * is handled, not when the answer is committed: Vaadin's page responses bypass the lazy writer.
     */
    static void headers(HttpSecurity http) throws Exception {
        http.headers(h -> h.addObjectPostProcessor(new ObjectPostProcessor<HeaderWriterFilter>() {
            @Override
            public <O extends HeaderWriterFilter> O postProcess(O filter) {
                filter.setShouldWriteHeadersEagerly(true);
                return filter;
            }
        }));
        http.headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(CONTENT_SECURITY_POLICY))
                .contentTypeOptions(Customizer.withDefaults())
                .referrerPolicy(
                        r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                .frameOptions(f -> f.deny()));
    }

    /**
     * A request the firewall refuses (an encoded '/' or '%', a control character in a parameter name, …) is a
     * 400, answered as JSON by the error page, not an exception surfacing as a 500.
     */
    @Bean
    RequestRejectedHandler requestRejectedHandler() {
        return new HttpStatusRequestRejectedHandler(400);
    }

    @Bean
    @Order(1)
    SecurityFilterChain adminApi(HttpSecurity http) throws Exception {
        basicOr401(http.securityMatcher("/api/admin/**")
                        .authorizeHttpRequests(a -> a.anyRequest().hasRole(ADMIN)))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable());
        headers(http);
        return http.build();
    }

    /** HTTP Basic, and a bare 401 (never the login page) for a request without valid credentials. */
    private static HttpSecurity basicOr401(HttpSecurity http) throws Exception {
        return http.httpBasic(b -> b.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)))
                .exceptionHandling(e -> e.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)));
    }

    /**
     * Actuator: the health endpoint and its liveness/readiness groups are open (an orchestrator probes them
     * without credentials; anonymous callers get the status only, details need the admin, see
     * management.endpoint.health.show-details); every other endpoint, Prometheus' included, needs the admin,
     * by HTTP Basic (a scraper) or the admin's login session (a browser). 401, never the login page.
     */
    @Bean
    @Order(2)
    SecurityFilterChain actuator(HttpSecurity http) throws Exception {
        basicOr401(http.securityMatcher("/actuator/**")
                        .authorizeHttpRequests(a -> a.requestMatchers("/actuator/health", "/actuator/health/**")
                                .permitAll()
                                .anyRequest()
                                .hasRole(ADMIN)))
                // an existing session (the admin logged in to the views) is used; none is ever created here
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                .requestCache(c -> c.disable());
        headers(http);
        return http.build();
    }

    /** Chrome-less charts for other sites' pages: anonymous, stateless, frameable, under their own CSP. */
    @Bean
    @Order(3)
    SecurityFilterChain embed(HttpSecurity http) throws Exception {
        anonymousStateless(http.securityMatcher("/embed/**"));
        http.headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(EMBED_POLICY))
                .contentTypeOptions(Customizer.withDefaults())
                .referrerPolicy(
                        r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                .frameOptions(f -> f.disable()));
        return http.build();
    }

    /**
     * The public read API, its docs, the feeds and the error page: anonymous, stateless (no request ever
     * creates a session here), no CSRF (no cookie authenticates them).
     */
    @Bean
    @Order(4)
    SecurityFilterChain publicApi(HttpSecurity http) throws Exception {
        http.securityMatcher(
                "/api/v1/**",
                "/api/docs",
                "/api/docs/**",
                "/api/swagger-ui/**",
                "/swagger-ui/**",
                "/v3/api-docs/**",
                "/feeds/**",
                "/error");
        anonymousStateless(http);
        headers(http);
        return http.build();
    }

    /** Open to anyone and stateless: no request ever creates a session, no CSRF (no cookie authenticates it). */
    private static void anonymousStateless(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(c -> c.disable())
                .securityContext(c -> c.requireExplicitSave(true))
                .anonymous(Customizer.withDefaults())
                .csrf(c -> c.disable());
    }

    /**
     * The views: Vaadin's configurer with form login at {@code /login}. CSRF is configured here rather than
     * by Vaadin, which exempts the login form: the form's POST must carry the token (the login form takes it
     * from the {@code _csrf} meta tags Vaadin writes into every page). Vaadin's own requests keep their own
     * CSRF protection (the UIDL security key).
     */
    @Bean
    @Order(5)
    SecurityFilterChain app(HttpSecurity http, RequestUtil requestUtil) throws Exception {
        http.csrf(c -> c.ignoringRequestMatchers(requestUtil::isFrameworkInternalRequest));
        headers(http);
        // the admin views need a login at the HTTP level too (a 302 to /login, not only Vaadin's reroute)
        http.authorizeHttpRequests(a -> a.requestMatchers("/admin", "/admin/**").authenticated());
        // every other page request reaches Vaadin, whose navigation access control guards each view by its
        // annotations: an unknown URL gets the 404 view instead of a redirect to the login page
        http.with(
                VaadinSecurityConfigurer.vaadin(),
                v -> v.loginView(LoginView.class)
                        .enableCsrfConfiguration(false)
                        .anyRequest(AuthorizeHttpRequestsConfigurer.AuthorizedUrl::permitAll));
        return http.build();
    }
}
