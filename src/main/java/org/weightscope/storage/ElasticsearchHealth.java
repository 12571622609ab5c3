package org.weightscope.storage;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.HealthStatus;
import co.elastic.clients.elasticsearch.cluster.HealthResponse;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * The {@code elasticsearch} health indicator (readiness group): the cluster's health as the client sees it
 * ({@code GET _cluster/health}; the minimal distribution refuses {@code GET /}). Red or unreachable is
 * DOWN; yellow (a replica missing, e.g. a node of three lost) still serves every read and write, so UP.
 */
@Component("elasticsearch")
class ElasticsearchHealth extends AbstractHealthIndicator {

    private final ElasticsearchClient client;

    ElasticsearchHealth(ElasticsearchClient client) {
        super("Elasticsearch health check failed");
        this.client = client;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        HealthResponse health = client.cluster().health(h -> h.timeout(t -> t.time("2s")));
        (health.status() == HealthStatus.Red ? builder.down() : builder.up())
                .withDetail("cluster", health.clusterName())
                .withDetail("status", health.status().jsonValue())
                .withDetail("nodes", health.numberOfNodes())
                .withDetail("unassignedShards", health.unassignedShards());
    }
}
