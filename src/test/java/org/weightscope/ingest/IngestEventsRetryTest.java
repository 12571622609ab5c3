package org.weightscope.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.weightscope.IntegrationTest;

/**
 * A listener of {@link IngestCompleted} that fails is not lost: its publication stays in the registry, the
 * run that published it is unaffected, and the next retry hands the event to the listener again.
 */
@SpringBootTest
class IngestEventsRetryTest extends IntegrationTest {

    @TestConfiguration
    static class Flaky {
        @Bean
        FlakyListener flakyListener() {
            return new FlakyListener();
        }
    }

    /** Fails on its first call, succeeds afterwards; records every run id it was handed. */
    static class FlakyListener {
        private final List<String> calls = new CopyOnWriteArrayList<>();

        @ApplicationModuleListener
        void on(IngestCompleted event) {
            if (!event.runId().startsWith("retry-test:")) return;
            calls.add(event.runId());
            if (calls.size() == 1) throw new IllegalStateException("listener down (test)");
        }

        /** Through a method: the bean is a proxy (async, transactional), its fields are not the target's. */
        List<String> calls() {
            return List.copyOf(calls);
        }
    }

    @Autowired
    IngestEvents events;

    @Autowired
    FlakyListener listener;

    @Test
    void aFailedListenerIsRetriedFromThePublicationRegistry() {
        String runId = "retry-test:" + Instant.now().toEpochMilli();
        IngestCompleted done = new IngestCompleted(
                "retry-source",
                runId,
                "tracked",
                CrawlRun.FINISHED,
                LocalDate.parse("2026-08-22"),
                1,
                1,
                0,
                Instant.parse("2026-08-22T10:00:00Z"));

        events.completed(done); // the listener throws (after the commit, on its own thread); completed() does not
        await().atMost(Duration.ofSeconds(20)).until(() -> listener.calls().size() == 1);

        // the failed publication stays in the registry and is handed to the listener again
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            events.retryFailed(Duration.ZERO);
            return listener.calls().size() >= 2;
        });
        assertThat(listener.calls()).containsExactly(runId, runId);

        // it succeeded the second time: a completed publication is not handed again
        events.retryFailed(Duration.ZERO);
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(5))
                .until(() -> listener.calls().size() == 2);
    }
}
