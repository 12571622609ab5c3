package org.weightscope.admin;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;

/**
 * Two filter chains. {@code /api/admin/**}: HTTP Basic, stateless, no CSRF (no cookie ever authenticates
 * it), 401 for anonymous callers. Everything else: Vaadin's configurer (form login at {@code /login},
 * view access by {@code @AnonymousAllowed}/{@code @RolesAllowed}), with the public read API, its docs and
 * the feeds open to anyone; CSRF stays on except for the public API, which no session authenticates.
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
    UserDetailsService admins(PasswordEncoder encoder, @Value("${weightscope.data-dir}") Path dataDir,
            @Value("${weightscope.admin.password:}") String given) {
        String hash = AdminPassword.hash(dataDir, given, encoder);
        return new InMemoryUserDetailsManager(User.withUsername("admin").password(hash).roles(ADMIN).build());
    }

    @Bean
    @Order(1)
    SecurityFilterChain adminApi(HttpSecurity http) throws Exception {
        http.securityMatcher("/api/admin/**")
                .authorizeHttpRequests(a -> a.anyRequest().hasRole(ADMIN))
                .httpBasic(b -> b.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)))
                .exceptionHandling(e -> e.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable());
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain app(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(a -> a
                .requestMatchers("/api/v1/**", "/api/docs", "/api/docs/**", "/api/swagger-ui/**", "/swagger-ui/**",
                        "/v3/api-docs/**",
                        "/feeds/**", "/error")
                .permitAll());
        http.csrf(c -> c.ignoringRequestMatchers("/api/v1/**"));
        http.with(VaadinSecurityConfigurer.vaadin(), v -> v.loginView(LoginView.class));
        return http.build();
    }
}
