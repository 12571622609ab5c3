package org.weightscope.storage;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Health of the embedded server (bean {@code embeddedElasticsearch}, part of the readiness group): DOWN while
 * it is dead, restarting or given up on, UP when its process runs and answers cluster health. With an external
 * cluster there is nothing embedded to supervise: UP, saying so.
 */
@Component("embeddedElasticsearch")
class EmbeddedElasticsearchHealth implements HealthIndicator {

    private final ElasticsearchEndpoint endpoint;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    EmbeddedElasticsearchHealth(ElasticsearchEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    @Override
    public Health health() {
        if (endpoint.embedded().isEmpty()) {
            return Health.up().withDetail("mode", "external cluster").build();
        }
        EmbeddedElasticsearch server = endpoint.embedded().get();
        ServerSupervisor.State state = server.supervision();
        Health.Builder health = server.isRunning() && answers(server) ? Health.up() : Health.down();
        health.withDetail("supervisor", state.status()).withDetail("restarts", state.restarts());
        if (state.lastReason() != null) {
            health.withDetail("lastReason", state.lastReason()).withDetail("since", state.since());
        }
        return health.build();
    }

    private boolean answers(EmbeddedElasticsearch server) {
        try {
            HttpResponse<Void> response = http.send(
                    HttpRequest.newBuilder(URI.create(server.uri() + "/_cluster/health"))
                            .timeout(Duration.ofSeconds(3))
                            .header("Authorization", EmbeddedSecurity.basicAuth(server.password()))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (java.io.IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
