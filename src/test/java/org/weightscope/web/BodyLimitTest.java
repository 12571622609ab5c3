package org.weightscope.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.weightscope.IntegrationTest;

/**
 * Every body is read through a bounded stream: a raw 100 MB body is refused as soon as it passes the limit
 * (with the JSON error), whatever the route — the exposure API as a raw or multipart body, the saved-report
 * admin API, the Vaadin upload target, any other route. Bytes are counted on both sides of a real socket:
 * what the client's body stream gave out, and what the application read of it.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"weightscope.recordings.import-on-empty=false", "weightscope.admin.password=correct horse battery"
        })
class BodyLimitTest extends IntegrationTest {

    static final long MB = 1024 * 1024;
    static final long UPLOAD_LIMIT = 6 * MB;
    /** What may be in flight when the server refuses: Tomcat's 8 KB read buffer, the 64 KB it swallows, socket buffers. */
    static final long IN_FLIGHT = 1 * MB;

    /**
     * The kernel's receive buffer of the server's sockets is pinned (autotuning would let it grow to 32 MB
     * here), so the client-side count measures the server, not the kernel.
     */
    @TestConfiguration
    static class SmallSocketBuffers {
        @Bean
        WebServerFactoryCustomizer<TomcatServletWebServerFactory> smallReceiveBuffer() {
            return f -> f.addConnectorCustomizers(c -> c.setProperty("socket.rxBufSize", "65536"));
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    BodyLimitFilter filter;

    /** An endless body of CSV-ish bytes, counting what it gave out. */
    static class CountingBody extends InputStream {
        final AtomicLong given = new AtomicLong();
        final long size;

        CountingBody(long size) {
            this.size = size;
        }

        @Override
        public int read() {
            if (given.get() >= size) return -1;
            given.incrementAndGet();
            return 'a';
        }

        @Override
        public int read(byte[] b, int off, int len) {
            long left = size - given.get();
            if (left <= 0) return -1;
            int n = (int) Math.min(len, left);
            Arrays.fill(b, off, off + n, (byte) 'a');
            given.addAndGet(n);
            return n;
        }
    }

    record Sent(RawHttp.Response response, long bytesGiven) {}

    /** POSTs the head, then the body from a counting stream (chunked unless a length is declared). */
    Sent post(String head, CountingBody body, boolean chunked) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSendBufferSize(64 * 1024);
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.UTF_8));
            Thread writer = Thread.ofVirtual().start(() -> {
                byte[] buffer = new byte[8192];
                try {
                    for (int n; (n = body.read(buffer, 0, buffer.length)) > 0; ) {
                        if (chunked) out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                        out.write(buffer, 0, n);
                        if (chunked) out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                    }
                    if (chunked) out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                } catch (IOException e) {
                    // the server closed the connection: expected once it refused
                }
            });
            RawHttp.Response response = RawHttp.read(socket.getInputStream());
            socket.close();
            writer.join(30_000);
            return new Sent(response, body.given.get());
        }
    }

    static String head(String path, String type, String length) {
        return "POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: " + type + "\r\n"
                + (length == null ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + length + "\r\n") + "\r\n";
    }

    static void assertJsonError(RawHttp.Response r, int status) {
        assertThat(r.status()).isEqualTo(status);
        assertThat(r.header("content-type")).startsWith("application/json");
        assertThat(r.body()).startsWith("{\"error\":");
    }

    @Test
    void aRawHundredMegabyteUploadIsRefusedAfterReadingNoMoreThanTheLimitPlusOneBuffer() throws Exception {
        Sent sent = post(head("/api/v1/exposure", "text/csv", null), new CountingBody(100 * MB), true);
        assertJsonError(sent.response(), 413);
        assertThat(sent.response().body()).contains("limit of " + UPLOAD_LIMIT + " bytes");
        // the application read exactly one byte past the limit, Tomcat at most one 8 KB buffer more
        assertThat(filter.lastRefusedBytes()).isEqualTo(UPLOAD_LIMIT + 1);
        assertThat(sent.bytesGiven())
                .as("bytes the client could send before the server refused")
                .isLessThan(UPLOAD_LIMIT + IN_FLIGHT);
        System.out.printf(
                "100 MB chunked upload: refused after the app read %,d bytes, the client sent %,d%n",
                filter.lastRefusedBytes(), sent.bytesGiven());
    }

    @Test
    void aDeclaredLengthOverTheLimitIsRefusedBeforeAnyByteIsRead() throws Exception {
        for (String path : new String[] {
            "/api/v1/exposure",
            "/api/admin/exposure-reports?name=x",
            "/VAADIN/dynamic/resource/1/0b1c2d3e-0000-0000-0000-000000000000/upload",
            "/",
            "/api/v1/models"
        }) {
            Sent sent = post(head(path, "text/csv", Long.toString(100 * MB)), new CountingBody(100 * MB), false);
            assertJsonError(sent.response(), 413);
            assertThat(filter.lastRefusedBytes()).as(path).isZero();
            assertThat(sent.bytesGiven()).as(path).isLessThan(IN_FLIGHT);
        }
    }

    @Test
    void aChunkedMultipartUploadIsRefusedWhileTomcatParsesIt() throws Exception {
        String boundary = "----weightscope";
        String head = head("/api/v1/exposure", "multipart/form-data; boundary=" + boundary, null);
        CountingBody body = new CountingBody(100 * MB) {
            final byte[] preamble = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; "
                            + "filename=\"inventory.csv\"\r\nContent-Type: text/csv\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII);

            @Override
            public int read(byte[] b, int off, int len) {
                if (given.get() == 0) {
                    System.arraycopy(preamble, 0, b, off, preamble.length);
                    given.addAndGet(preamble.length);
                    return preamble.length;
                }
                return super.read(b, off, len);
            }
        };
        Sent sent = post(head, body, true);
        assertJsonError(sent.response(), 413);
        assertThat(sent.bytesGiven()).isLessThan(UPLOAD_LIMIT + IN_FLIGHT);
    }

    @Test
    void otherRoutesHaveTheSmallLimitAndTheVaadinUploadTargetTheUploadOne() throws Exception {
        Sent vaadin = post(
                head(
                        "/VAADIN/dynamic/resource/1/0b1c2d3e-0000-0000-0000-000000000000/upload",
                        "application/octet-stream",
                        null),
                new CountingBody(100 * MB),
                true);
        assertThat(vaadin.bytesGiven()).isLessThan(UPLOAD_LIMIT + IN_FLIGHT);
        assertThat(vaadin.response().status()).isBetween(400, 499);

        Sent json = post(head("/api/admin/watchlists", "application/json", null), new CountingBody(100 * MB), true);
        assertThat(json.bytesGiven()).isLessThan(MB + IN_FLIGHT);
        assertThat(json.response().status()).isIn(401, 413);
    }
}
