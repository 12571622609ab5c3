package org.weightscope;

import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of tests that run the app against the shared test Elasticsearch. Each test class gets its own
 * index prefix, so classes never see each other's documents.
 */
public abstract class IntegrationTest {

    private static final AtomicInteger CLASSES = new AtomicInteger();

    @DynamicPropertySource
    static void elasticsearch(DynamicPropertyRegistry registry) {
        registry.add(
                "weightscope.elasticsearch.uris", () -> TestElasticsearch.uri().toString());
        // the test node is secured like the app's embedded server: its user and generated password
        registry.add("weightscope.elasticsearch.username", TestElasticsearch::username);
        registry.add("weightscope.elasticsearch.password", TestElasticsearch::password);
        String prefix = "test" + CLASSES.incrementAndGet() + "-" + Long.toString(System.nanoTime(), 36);
        registry.add("weightscope.elasticsearch.index-prefix", () -> prefix);
    }
}
