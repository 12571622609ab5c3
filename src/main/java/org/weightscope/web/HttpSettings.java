package org.weightscope.web;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * {@code weightscope.http.*}: the limits every request meets.
 *
 * @param maxBody           largest body of an ordinary request (Vaadin's own messages, JSON posts); default 1 MB
 * @param maxUpload         largest body of an upload route (exposure API, saved reports, the Vaadin upload):
 *                          the inventory limit (5 MB) plus multipart overhead; default 6 MB
 * @param bodyTimeout       time allowed for a whole body to arrive; default 60 s
 * @param headerTimeout     time allowed for a request line and headers to arrive; default 20 s
 * @param exposure          limits of the exposure report endpoints (each report resolves up to 10,000 rows)
 * @param api               limits of the rest of the public read API and feeds
 * @param login             throttling of admin logins (form and HTTP Basic)
 * @param anonymousSessions sessions an anonymous visitor may hold at once before new ones get the short timeout
 * @param anonymousSessionTimeout idle timeout of a session nobody has logged in to; default 10 min
 * @param crowdedSessionTimeout   idle timeout once {@code anonymousSessions} are open; default 2 min
 */
@ConfigurationProperties("weightscope.http")
public record HttpSettings(
        DataSize maxBody,
        DataSize maxUpload,
        Duration bodyTimeout,
        Duration headerTimeout,
        Limit exposure,
        Limit api,
        Login login,
        int anonymousSessions,
        Duration anonymousSessionTimeout,
        Duration crowdedSessionTimeout) {

    /**
     * @param perMinute           requests per client and minute (a burst of that many, refilled evenly)
     * @param concurrentPerClient requests of one client in progress at once
     * @param concurrent          requests of all clients in progress at once
     */
    public record Limit(int perMinute, int concurrentPerClient, int concurrent) {}

    /**
     * @param freeFailures        wrong passwords per account or client before the backoff starts
     * @param firstDelay          wait after the first failure past the free ones, doubled with each further one
     * @param maxDelay            the longest wait
     * @param perMinutePerClient  login attempts of one client per minute, right or wrong
     */
    public record Login(int freeFailures, Duration firstDelay, Duration maxDelay, int perMinutePerClient) {}

    public HttpSettings {
        if (maxBody == null) maxBody = DataSize.ofMegabytes(1);
        if (maxUpload == null) maxUpload = DataSize.ofMegabytes(6);
        if (bodyTimeout == null) bodyTimeout = Duration.ofSeconds(60);
        if (headerTimeout == null) headerTimeout = Duration.ofSeconds(20);
        if (exposure == null) exposure = new Limit(12, 2, 4);
        if (api == null) api = new Limit(600, 8, 64);
        if (login == null) login = new Login(5, Duration.ofSeconds(1), Duration.ofMinutes(15), 30);
        if (anonymousSessions <= 0) anonymousSessions = 2000;
        if (anonymousSessionTimeout == null) anonymousSessionTimeout = Duration.ofMinutes(10);
        if (crowdedSessionTimeout == null) crowdedSessionTimeout = Duration.ofMinutes(2);
    }
}
