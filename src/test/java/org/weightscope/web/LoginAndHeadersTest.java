package org.weightscope.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.catalina.Context;
import org.apache.catalina.Session;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.test.context.bean.override.convention.TestBean;
import org.weightscope.IntegrationTest;

/**
 * Admin login throttling and CSRF, the security headers, SameSite cookies, no session for anonymous API
 * calls, the anonymous-session cap, and absolute links from {@code weightscope.public-base-url}.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "weightscope.recordings.import-on-empty=false", "weightscope.admin.password=correct horse battery",
            "weightscope.http.login.free-failures=2", "weightscope.http.login.first-delay=2s",
            "weightscope.http.anonymous-sessions=2", "weightscope.http.anonymous-session-timeout=7m",
            "weightscope.http.crowded-session-timeout=1m",
                    "weightscope.public-base-url=https://weightscope.example.org/"
        })
class LoginAndHeadersTest extends IntegrationTest {

    static final String RIGHT = "admin:correct horse battery";

    /** The app's clock, which the test moves past a back-off instead of waiting it out. */
    @TestBean
    java.time.Clock clock;

    static final SkippingClock CLOCK = new SkippingClock();

    static java.time.Clock clock() {
        return CLOCK;
    }

    /** The system clock, plus however far the test skipped ahead. */
    static final class SkippingClock extends java.time.Clock {
        private volatile java.time.Duration ahead = java.time.Duration.ZERO;

        void skip(java.time.Duration by) {
            ahead = ahead.plus(by);
        }

        @Override
        public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
        }

        @Override
        public java.time.Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public java.time.Instant instant() {
            return java.time.Instant.now().plus(ahead);
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    WebServerApplicationContext context;

    @Autowired
    LoginThrottle throttle;

    final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    HttpResponse<String> basic(String credentials) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/admin/sources"))
                        .header(
                                "Authorization",
                                "Basic "
                                        + Base64.getEncoder()
                                                .encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path, String cookie) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (cookie != null) b.header("Cookie", cookie);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> postLogin(String cookie, String form) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .header("Content-Type", "application/x-www-form-urlencoded");
        if (cookie != null) b.header("Cookie", cookie);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void wrongPasswordsBackOffPerAccountBeforeAnyHashIsComputed() throws Exception {
        throttle.succeeded("admin", "127.0.0.1");
        assertThat(basic("admin:wrong1").statusCode()).isEqualTo(401);
        assertThat(basic("admin:wrong2").statusCode()).isEqualTo(401);
        assertThat(basic("admin:wrong3").statusCode())
                .as("third failure: past the free ones")
                .isEqualTo(401);
        HttpResponse<String> throttled = basic(RIGHT);
        assertThat(throttled.statusCode()).as("even the right password waits").isEqualTo(429);
        assertThat(Long.parseLong(throttled.headers().firstValue("Retry-After").orElseThrow()))
                .isBetween(1L, 3L);
        assertThat(throttled.body()).startsWith("{\"error\":\"too many login attempts");
        CLOCK.skip(java.time.Duration.ofMillis(2_200)); // past the first back-off (2 s)
        assertThat(basic("admin:wrong4").statusCode()).isEqualTo(401);
        HttpResponse<String> longer = basic(RIGHT);
        assertThat(longer.statusCode()).isEqualTo(429);
        assertThat(Long.parseLong(longer.headers().firstValue("Retry-After").orElseThrow()))
                .as("the wait doubles")
                .isBetween(3L, 5L);
        CLOCK.skip(java.time.Duration.ofMillis(4_200)); // past the doubled one (4 s)
        assertThat(basic(RIGHT).statusCode()).isEqualTo(200);
        assertThat(basic("admin:wrong5").statusCode())
                .as("a right password cleared the count")
                .isEqualTo(401);
        throttle.succeeded("admin", "127.0.0.1");
    }

    @Test
    void theBackoffAlsoCountsPerClientAcrossAccounts() {
        LoginThrottle t = throttle;
        t.succeeded("x", "10.0.0.9");
        for (int i = 0; i < 3; i++) t.failed("user" + i, "10.0.0.9");
        assertThat(t.waitSeconds("someone-else", "10.0.0.9")).isBetween(1L, 3L);
        assertThat(t.waitSeconds("someone-else", "10.0.0.10")).isZero();
        t.succeeded("x", "10.0.0.9");
    }

    @Test
    void theLoginFormNeedsItsCsrfTokenWhichTheLoginPageCarries() throws Exception {
        throttle.succeeded("admin", "127.0.0.1");
        HttpResponse<String> noToken = postLogin(null, "username=admin&password=" + enc("correct horse battery"));
        assertThat(noToken.statusCode()).as("no CSRF token").isIn(403, 302);
        assertThat(noToken.headers().firstValue("Location").orElse("")).doesNotEndWith("/");
        assertThat(noToken.headers().allValues("Set-Cookie").stream().noneMatch(c -> c.contains("remember")))
                .isTrue();

        HttpResponse<String> page = get("/login", null);
        assertThat(page.statusCode()).isEqualTo(200);
        String cookie = page.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("JSESSIONID="))
                .findFirst()
                .orElseThrow()
                .split(";")[0];
        Matcher token =
                Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"").matcher(page.body());
        Matcher parameter = Pattern.compile("<meta name=\"_csrf_parameter\" content=\"([^\"]+)\"")
                .matcher(page.body());
        assertThat(token.find())
                .as("the page carries the token for the login form")
                .isTrue();
        assertThat(parameter.find()).isTrue();
        String csrf = "&" + parameter.group(1) + "=" + enc(token.group(1));

        HttpResponse<String> wrong = postLogin(cookie, "username=admin&password=nope" + csrf);
        assertThat(wrong.statusCode()).isEqualTo(302);
        assertThat(wrong.headers().firstValue("Location").orElseThrow()).contains("/login?error");
        HttpResponse<String> right =
                postLogin(cookie, "username=admin&password=" + enc("correct horse battery") + csrf);
        assertThat(right.statusCode()).isEqualTo(302);
        assertThat(right.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        throttle.succeeded("admin", "127.0.0.1");
    }

    @Test
    void everyRouteSendsCspNosniffAndReferrerPolicy() throws Exception {
        for (String path : List.of(
                "/",
                "/login",
                "/models",
                "/api/v1/events?size=1",
                "/feeds/releases.atom",
                "/api/v1/openapi.json",
                "/api/v1/nothing")) {
            HttpResponse<String> r = get(path, null);
            assertThat(r.headers().firstValue("Content-Security-Policy").orElse(""))
                    .as(path)
                    .contains("default-src 'self'", "frame-ancestors 'none'", "object-src 'none'");
            assertThat(r.headers().firstValue("X-Content-Type-Options"))
                    .as(path)
                    .contains("nosniff");
            assertThat(r.headers().firstValue("Referrer-Policy")).as(path).contains("strict-origin-when-cross-origin");
        }
    }

    @Test
    void theSessionCookieIsSameSiteAndAnonymousApiCallsCreateNoSession() throws Exception {
        HttpResponse<String> view = get("/login", null);
        String session = view.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("JSESSIONID="))
                .findFirst()
                .orElseThrow();
        assertThat(session).contains("SameSite=Lax").contains("HttpOnly");
        for (String path : List.of(
                "/api/v1/events?size=1",
                "/api/v1/adoption",
                "/feeds/releases.atom",
                "/api/v1/openapi.json",
                "/api/v1/models?q=qwen",
                "/error",
                "/api/v1/nothing")) {
            HttpResponse<String> r = get(path, null);
            assertThat(r.headers().allValues("Set-Cookie")).as(path).isEmpty();
        }
    }

    @Test
    void anonymousSessionsTimeOutSoonAndSoonerOnceTheCapIsReached() throws Exception {
        for (int i = 0; i < 4; i++) {
            assertThat(get("/login", null).statusCode()).isEqualTo(200);
        }
        Context app = (Context)
                ((TomcatWebServer) context.getWebServer()).getTomcat().getHost().findChildren()[0];
        List<Integer> timeouts = java.util.Arrays.stream(app.getManager().findSessions())
                .map(Session::getMaxInactiveInterval)
                .distinct()
                .toList();
        assertThat(timeouts).contains(7 * 60, 60);
    }

    @Test
    void absoluteLinksUseThePublicBaseUrlNeverTheHostHeader() throws Exception {
        RawHttp.Response atom = RawHttp.exchange(
                port,
                ("GET /feeds/releases.atom HTTP/1.1\r\nHost: evil.example\r\n"
                                + "X-Forwarded-Host: evil.example\r\nConnection: close\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
        assertThat(atom.status()).isEqualTo(200);
        assertThat(atom.body())
                .contains("href=\"https://weightscope.example.org/feeds/releases.atom\"")
                .doesNotContain("evil.example");
        RawHttp.Response openapi = RawHttp.exchange(
                port,
                ("GET /api/v1/openapi.json HTTP/1.1\r\nHost: evil.example\r\n" + "Connection: close\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
        assertThat(openapi.status()).isEqualTo(200);
        assertThat(openapi.body())
                .contains("\"url\":\"https://weightscope.example.org\"")
                .doesNotContain("evil.example");
    }

    static String enc(String v) {
        return URLEncoder.encode(v, StandardCharsets.UTF_8);
    }
}
