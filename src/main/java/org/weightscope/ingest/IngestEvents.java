package org.weightscope.ingest;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes {@link IngestCompleted} through Spring Modulith's event publication registry (a table in the
 * app's H2 database): the event is recorded with every {@code @ApplicationModuleListener} that should get
 * it, in a transaction, and each listener runs once that transaction has committed. A listener that throws
 * leaves its publication incomplete rather than losing it, and never fails the run that published it;
 * incomplete publications are handed to their listeners again after the next run ends (and on restart, see
 * {@code spring.modulith.events.republish-outstanding-events-on-restart}).
 */
@Component
public class IngestEvents {

    private static final Logger log = LoggerFactory.getLogger(IngestEvents.class);
    /**
     * An incomplete publication this old is retried: its listener failed (or the app stopped meanwhile);
     * a younger one may still be running. The listeners are idempotent, so a rare double run is harmless.
     */
    static final Duration RETRY_AFTER = Duration.ofMinutes(5);

    private final ApplicationEventPublisher publisher;
    private final TransactionTemplate transaction;
    private final IncompleteEventPublications incomplete;

    IngestEvents(
            ApplicationEventPublisher publisher,
            PlatformTransactionManager transactions,
            IncompleteEventPublications incomplete) {
        this.publisher = publisher;
        this.transaction = new TransactionTemplate(transactions);
        this.incomplete = incomplete;
    }

    /** Records and publishes the event; then retries the listeners that failed on earlier ones. */
    public void completed(IngestCompleted event) {
        transaction.executeWithoutResult(status -> publisher.publishEvent(event));
        retryFailed(RETRY_AFTER);
    }

    /** Hands incomplete publications at least {@code minAge} old to their listeners again. */
    void retryFailed(Duration minAge) {
        try {
            incomplete.resubmitIncompletePublicationsOlderThan(minAge);
        } catch (RuntimeException e) {
            // the registry itself is unavailable: the publications stay and the next run retries them
            log.warn("Retrying failed event publications failed: {}", e.toString());
        }
    }
}
