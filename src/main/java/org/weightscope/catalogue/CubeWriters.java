package org.weightscope.catalogue;

import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.weightscope.storage.Documents;
import org.weightscope.storage.Queries;

/**
 * Which instances sharing the store are writing captures the adoption cube has not been rebuilt for: a lease document
 * per writing instance in the cube's index ({@code kind=writing}, id {@code writing:<instance>}), renewed while pages
 * are written and deleted once the instance has rebuilt what it wrote. Another instance then neither builds those days
 * from a half-written crawl nor moves its figures onto them. A lease not renewed for {@link #LEASE} (its
 * instance stopped mid-crawl) no longer counts, and the days are built on demand again.
 */
final class CubeWriters {

    static final String KIND = "writing";
    static final Duration LEASE = Duration.ofMinutes(30);

    @SuppressWarnings("rawtypes")
    private final Documents<Map> docs;

    private final Clock clock;
    private final String own = KIND + ":" + UUID.randomUUID();

    @SuppressWarnings("rawtypes")
    CubeWriters(Documents<Map> docs, Clock clock) {
        this.docs = docs;
        this.clock = clock;
    }

    /** When this instance last wrote its lease (null: it holds none). */
    private volatile Instant renewed;

    /** This instance is about to write captures: takes its lease, or renews it once a tenth of it has passed. */
    void writing() {
        Instant now = Instant.now(clock);
        if (renewed == null || !now.isBefore(renewed.plus(LEASE.dividedBy(10)))) {
            docs.put(own, Map.of("kind", KIND, "asOf", now.toString()), false);
            renewed = now;
        }
    }

    /** This instance's writes are all in the cube: gives its lease up. */
    void done() {
        if (renewed != null) {
            docs.delete(own);
            renewed = null;
        }
    }

    /** Whether another instance holds a live lease. */
    boolean others() {
        String since = Instant.now(clock).minus(LEASE).toString();
        Query live = Query.of(q -> q.bool(b -> b.filter(Queries.terms("kind", KIND))
                .filter(f -> f.range(r -> r.date(d -> d.field("asOf").gte(since))))
                .mustNot(n -> n.ids(i -> i.values(own)))));
        return docs.count(live) > 0;
    }
}
