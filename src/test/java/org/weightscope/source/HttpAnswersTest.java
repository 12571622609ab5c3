package org.weightscope.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import org.junit.jupiter.api.Test;

/** The JDK's words for a connection that ended early, said plainly, over HTTP/1.1 and HTTP/2 alike. */
class HttpAnswersTest {

    @Test
    void aResetConnectionIsSaidPlainlyWhicheverProtocolCarriedIt() {
        // the messages the JDK HttpClient gives (the HTTP/2 one seen in a fault-matrix run: WireMock reset the stream)
        for (IOException e : new IOException[] {
            new IOException("Connection reset"),
            new IOException("HTTP/1.1 header parser received no bytes"),
            new IOException("RST_STREAM received Stream cancelled"),
            new ClosedChannelException()
        }) {
            assertThat(HttpAnswers.describe(e))
                    .as(e.toString())
                    .startsWith("the connection was closed or reset before a complete answer")
                    .contains(e.toString());
        }
        assertThat(HttpAnswers.describe(new IOException("no route to host")))
                .isEqualTo("java.io.IOException: no route to host");
    }
}
