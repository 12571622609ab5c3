package org.weightscope.web;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Throttles password checks (form login {@code POST /login} and HTTP Basic on {@code /api/admin/**}), each
 * of which costs a bcrypt hash: per account and per client, after {@link HttpSettings.Login#freeFailures()}
 * wrong passwords every further attempt waits {@link HttpSettings.Login#firstDelay()}, doubled with each
 * failure up to {@link HttpSettings.Login#maxDelay()}; a right password clears both. Independently a client
 * has {@link HttpSettings.Login#perMinutePerClient()} attempts a minute (Bucket4j). A throttled attempt is
 * answered 429 with {@code Retry-After} before any hash is computed. Failures are reported by the security
 * configuration's authentication events ({@link #failed}, {@link #succeeded}).
 */
public class LoginThrottle extends OncePerRequestFilter {

    private static final int FORGET_ABOVE = 20_000;

    private final HttpSettings.Login settings;
    private final Clock clock;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();
    private final Map<String, Bucket> attempts = new ConcurrentHashMap<>();

    public LoginThrottle(HttpSettings settings, Clock clock) {
        this.settings = settings.login();
        this.clock = clock;
    }

    private static final class Failures {
        int count;
        Instant until = Instant.EPOCH;
        Instant last = Instant.EPOCH;
    }

    static String account(String username) {
        return "account:" + (username == null ? "" : username.strip().toLowerCase(Locale.ROOT));
    }

    static String client(String address) {
        return "client:" + address;
    }

    public void failed(String username, String address) {
        Instant now = clock.instant();
        if (failures.size() > FORGET_ABOVE) {
            failures.values()
                    .removeIf(f -> f.last.isBefore(now.minus(settings.maxDelay().multipliedBy(2))));
        }
        for (String key : new String[] {account(username), address == null ? null : client(address)}) {
            if (key == null) continue;
            failures.compute(key, (k, f) -> {
                Failures x = f == null ? new Failures() : f;
                x.count++;
                x.last = now;
                int over = x.count - settings.freeFailures();
                if (over > 0) {
                    Duration wait = settings.firstDelay().multipliedBy(1L << Math.min(over - 1, 30));
                    if (wait.compareTo(settings.maxDelay()) > 0 || wait.isNegative()) wait = settings.maxDelay();
                    x.until = now.plus(wait);
                }
                return x;
            });
        }
    }

    public void succeeded(String username, String address) {
        failures.remove(account(username));
        if (address != null) failures.remove(client(address));
    }

    /** Seconds until this account or client may try again; 0 when it may now. */
    public long waitSeconds(String username, String address) {
        Instant now = clock.instant();
        long wait = 0;
        for (String key : new String[] {account(username), client(address)}) {
            Failures f = failures.get(key);
            if (f != null && f.until.isAfter(now)) {
                wait = Math.max(wait, Duration.between(now, f.until).toMillis() / 1000 + 1);
            }
        }
        return wait;
    }

    /** Only login attempts (the login form's POST, or HTTP Basic credentials) are throttled. */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return attemptedUsername(request) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String username = attemptedUsername(request);
        String address = request.getRemoteAddr();
        long wait = waitSeconds(username, address);
        if (wait == 0) {
            if (attempts.size() > FORGET_ABOVE) attempts.clear();
            ConsumptionProbe probe = attempts.computeIfAbsent(
                            address, a -> ClientLimits.perMinute(settings.perMinutePerClient()))
                    .tryConsumeAndReturnRemaining(1);
            if (!probe.isConsumed()) wait = ClientLimits.retryAfterSeconds(probe);
        }
        if (wait > 0) {
            JsonErrors.tooManyRequests(response, wait, "too many login attempts");
            return;
        }
        chain.doFilter(request, response);
    }

    /** The username of a password check this request asks for, or null if it asks for none. */
    static String attemptedUsername(HttpServletRequest request) {
        String path = request.getRequestURI();
        if ("POST".equalsIgnoreCase(request.getMethod()) && path.equals("/login")) {
            String u = request.getParameter("username");
            return u == null ? "" : u;
        }
        String auth = request.getHeader("Authorization");
        if (auth != null && auth.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String decoded =
                        new String(Base64.getDecoder().decode(auth.substring(6).strip()), StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                return colon < 0 ? decoded : decoded.substring(0, colon);
            } catch (IllegalArgumentException e) {
                return "";
            }
        }
        return null;
    }
}
