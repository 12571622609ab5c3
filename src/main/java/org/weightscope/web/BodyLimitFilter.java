package org.weightscope.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.web.filter.OncePerRequestFilter;
import org.weightscope.shared.BodyTimeoutException;
import org.weightscope.shared.BodyTooLargeException;

/**
 * Every request body is read through a bounded, timed stream: a declared {@code Content-Length} over the
 * route's limit is refused before a byte is read, and a body without one (chunked) is refused as soon as it
 * passes the limit; a body slower than {@link HttpSettings#bodyTimeout()} is refused with a 408. Both answer
 * with the JSON error and {@code Connection: close}, so Tomcat does not go on swallowing the rest. Upload
 * routes (the exposure API, saved reports, Vaadin uploads) have {@link HttpSettings#maxUpload()}, every
 * other route {@link HttpSettings#maxBody()}. Multipart bodies that Tomcat parses itself are bounded by
 * {@code spring.servlet.multipart.max-request-size}, which application.yaml sets to the same upload limit.
 */
public class BodyLimitFilter extends OncePerRequestFilter {

    /** Request attribute set when the body was refused: Tomcat then discards nothing more of it. */
    public static final String REFUSED = BodyLimitFilter.class.getName() + ".refused";

    /** Request attribute: bytes the application read of the body (tests and logs). */
    public static final String BYTES_READ = BodyLimitFilter.class.getName() + ".bytesRead";

    private final HttpSettings settings;
    /** Bytes read of the last refused body (what the upload test asserts on). */
    private final AtomicLong lastRefusedBytes = new AtomicLong(-1);

    public BodyLimitFilter(HttpSettings settings) {
        this.settings = settings;
    }

    public long lastRefusedBytes() {
        return lastRefusedBytes.get();
    }

    static boolean uploadRoute(HttpServletRequest request) {
        String path = request.getRequestURI();
        String query = request.getQueryString();
        return path.startsWith("/api/v1/exposure")
                || path.startsWith("/api/admin/exposure-reports")
                || path.contains("/VAADIN/dynamic/resource/")
                || (query != null && query.contains("v-r=upload"));
    }

    long limit(HttpServletRequest request) {
        return (uploadRoute(request) ? settings.maxUpload() : settings.maxBody()).toBytes();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long limit = limit(request);
        long declared = request.getContentLengthLong();
        if (declared > limit) {
            request.setAttribute(REFUSED, Boolean.TRUE);
            lastRefusedBytes.set(0);
            refuseTooLarge(response, limit);
            return;
        }
        Bounded bounded = new Bounded(request, limit, settings.bodyTimeout().toNanos());
        try {
            chain.doFilter(bounded, response);
        } catch (ServletException | IOException | RuntimeException e) {
            if (bounded.refusal == null) throw e;
        } finally {
            request.setAttribute(BYTES_READ, bounded.read);
        }
        if (bounded.refusal instanceof BodyTooLargeException) {
            lastRefusedBytes.set(bounded.read);
            refuseTooLarge(response, limit);
        } else if (bounded.refusal instanceof BodyTimeoutException) {
            response.setHeader("Connection", "close");
            JsonErrors.write(
                    response,
                    408,
                    "the request body did not arrive within "
                            + settings.bodyTimeout().toSeconds() + " s",
                    null);
        }
    }

    private static void refuseTooLarge(HttpServletResponse response, long limit) throws IOException {
        response.setHeader("Connection", "close");
        JsonErrors.write(response, 413, "the request body is larger than the limit of " + limit + " bytes", null);
    }

    /** The request with its body behind the limit and the deadline. */
    static final class Bounded extends HttpServletRequestWrapper {
        final long limit;
        final long timeoutNanos;
        long read;
        long started = -1;
        IOException refusal;
        private ServletInputStream stream;
        private BufferedReader reader;

        Bounded(HttpServletRequest request, long limit, long timeoutNanos) {
            super(request);
            this.limit = limit;
            this.timeoutNanos = timeoutNanos;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) stream = new Stream(super.getInputStream());
            return stream;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            if (reader == null) {
                String encoding = getCharacterEncoding();
                Charset charset = encoding == null ? StandardCharsets.ISO_8859_1 : Charset.forName(encoding);
                reader = new BufferedReader(new InputStreamReader(getInputStream(), charset));
            }
            return reader;
        }

        private void count(long n) throws IOException {
            if (started < 0) started = System.nanoTime();
            if (n > 0) read += n;
            if (read > limit) {
                refusal = new BodyTooLargeException(limit);
                setAttribute(REFUSED, Boolean.TRUE);
                throw refusal;
            }
            if (System.nanoTime() - started > timeoutNanos) {
                refusal = new BodyTimeoutException("the request body did not arrive in time");
                setAttribute(REFUSED, Boolean.TRUE);
                throw refusal;
            }
        }

        private final class Stream extends ServletInputStream {
            private final ServletInputStream in;

            Stream(ServletInputStream in) {
                this.in = in;
            }

            @Override
            public int read() throws IOException {
                if (refusal != null) throw refusal;
                count(0);
                int b = in.read();
                if (b >= 0) count(1);
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                if (refusal != null) throw refusal;
                count(0);
                // never ask for more than one byte past the limit: the overflow is seen without reading on
                int n = in.read(buffer, offset, (int) Math.min(length, Math.max(1, limit - read + 1)));
                if (n > 0) count(n);
                return n;
            }

            @Override
            public boolean isFinished() {
                return in.isFinished();
            }

            @Override
            public boolean isReady() {
                return in.isReady();
            }

            @Override
            public void setReadListener(ReadListener listener) {
                in.setReadListener(listener);
            }
        }
    }
}
