package org.weightscope.web;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.apache.coyote.AbstractProcessor;
import org.apache.coyote.Constants;
import org.apache.coyote.Request;
import org.apache.coyote.http11.Http11NioProtocol;
import org.apache.tomcat.util.net.NioChannel;
import org.apache.tomcat.util.net.SocketWrapperBase;

/**
 * Tomcat's NIO HTTP/1.1 protocol with a deadline on the whole request line and headers. Tomcat's own
 * {@code connectionTimeout} only bounds each wait for the next byte, so a client sending one byte every few
 * seconds could hold a connection for hours; here a reaper closes any connection still reading its request
 * line and headers {@link #getHeaderTimeout()} ms after the first byte arrived, and any connection whose
 * unread body Tomcat is still discarding after a request longer than that plus {@link #getBodyTimeout()}.
 * (Bodies the application reads are timed by {@link BodyLimitFilter}.)
 */
public class SlowClientProtocol extends Http11NioProtocol {

    private volatile long headerTimeout = 20_000;
    private volatile long bodyTimeout = 60_000;
    private ScheduledFuture<?> reaper;

    public long getHeaderTimeout() {
        return headerTimeout;
    }

    public void setHeaderTimeout(long millis) {
        this.headerTimeout = millis;
    }

    public long getBodyTimeout() {
        return bodyTimeout;
    }

    public void setBodyTimeout(long millis) {
        this.bodyTimeout = millis;
    }

    @Override
    public void start() throws Exception {
        super.start();
        long period = Math.max(100, Math.min(1000, headerTimeout / 4));
        reaper = getUtilityExecutor().scheduleWithFixedDelay(this::reap, period, period, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() throws Exception {
        if (reaper != null) reaper.cancel(false);
        super.stop();
    }

    /** Closes the connections over their deadline; returns how many it closed. */
    int reap() {
        int closed = 0;
        try {
            long now = System.nanoTime();
            for (SocketWrapperBase<NioChannel> socket : getEndpoint().getConnections()) {
                // a processor stays attached between reads only while a request is incomplete (or async)
                if (!(socket.getCurrentProcessor() instanceof AbstractProcessor processor) || processor.isAsync())
                    continue;
                Request request = processor.getRequest();
                long started = request.getStartTimeNanos();
                if (started <= 0) continue;
                long elapsedMillis = (now - started) / 1_000_000;
                int stage = request.getRequestProcessor().getStage();
                // waiting for the rest of the request line or headers: ENDED (between reads) or PARSE
                boolean late = stage == Constants.STAGE_PARSE || stage == Constants.STAGE_ENDED
                        ? elapsedMillis > headerTimeout
                        : stage == Constants.STAGE_ENDINPUT && elapsedMillis > headerTimeout + bodyTimeout;
                if (late) {
                    socket.close();
                    closed++;
                }
            }
        } catch (RuntimeException e) {
            getLog().debug("slow-client reaper", e);
        }
        return closed;
    }
}
