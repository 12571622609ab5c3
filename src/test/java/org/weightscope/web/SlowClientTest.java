package org.weightscope.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.weightscope.IntegrationTest;

/**
 * Slow clients: a connection that sends its request line and headers a byte at a time (each byte well within
 * Tomcat's per-read timeout) is closed at the header deadline; a body trickling in is refused at the body
 * deadline with a 408.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "weightscope.recordings.import-on-empty=false",
            "weightscope.http.header-timeout=2s",
            "weightscope.http.body-timeout=2s"
        })
class SlowClientTest extends IntegrationTest {

    @LocalServerPort
    int port;

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.boot.web.server.context.WebServerApplicationContext context;

    @Test
    void tomcatRunsTheSlowClientProtocolWithTheConfiguredDeadlines() {
        var tomcat = ((org.springframework.boot.tomcat.TomcatWebServer) context.getWebServer()).getTomcat();
        var handler = tomcat.getService().findConnectors()[0].getProtocolHandler();
        assertThat(handler).isInstanceOf(SlowClientProtocol.class);
        assertThat(((SlowClientProtocol) handler).getHeaderTimeout()).isEqualTo(2_000);
        assertThat(((SlowClientProtocol) handler).getBodyTimeout()).isEqualTo(2_000);
    }

    /**
     * Sends {@code bytes} one every {@code everyMillis} until the server answers or closes; returns seconds
     * until it did (the first byte of an answer, or the close).
     */
    double trickle(String head, String bytes, long everyMillis, StringBuilder answer) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            long start = System.nanoTime();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            try {
                for (int i = 0; i < bytes.length(); i++) {
                    out.write(bytes.charAt(i));
                    out.flush();
                    Thread.sleep(everyMillis);
                    if (in.available() > 0) break;
                }
                int first = in.read();
                double seconds = (System.nanoTime() - start) / 1e9;
                if (first < 0) return seconds;
                answer.append((char) first);
                byte[] b = new byte[4096];
                for (int n; (n = in.read(b)) > 0; ) answer.append(new String(b, 0, n, StandardCharsets.UTF_8));
                return seconds;
            } catch (IOException e) {
                // closed by the server
            }
            return (System.nanoTime() - start) / 1e9;
        }
    }

    @Test
    void aConnectionSendingItsHeadersByteByByteIsClosedAtTheHeaderDeadline() throws Exception {
        String headers = "X-Slow: " + "a".repeat(200) + "\r\n\r\n";
        double seconds =
                trickle("GET /api/v1/events HTTP/1.1\r\nHost: localhost\r\n", headers, 300, new StringBuilder());
        // 200+ bytes at 300 ms would take a minute; each wait is far below Tomcat's 10 s per-read timeout
        assertThat(seconds).isBetween(1.5, 8.0);
    }

    @Test
    void aBodyTricklingInIsRefusedAtTheBodyDeadlineWith408() throws Exception {
        StringBuilder answer = new StringBuilder();
        String body = "model\n" + "a".repeat(200) + "\n";
        double seconds = trickle(
                "POST /api/v1/exposure HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/csv\r\n" + "Content-Length: "
                        + body.length() + "\r\n\r\n",
                body,
                300,
                answer);
        assertThat(seconds).isBetween(1.5, 10.0);
        assertThat(answer.toString()).startsWith("HTTP/1.1 408").contains("{\"error\":");
    }

    @Test
    void aPromptClientIsNotAffected() throws Exception {
        RawHttp.Response r = RawHttp.get(port, "/api/v1/events?size=1");
        assertThat(r.status()).isEqualTo(200);
    }
}
