package org.weightscope.storage;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/** The cluster the app talks to, and the embedded server behind it when there is one. */
public final class ElasticsearchEndpoint implements AutoCloseable {

    private final List<URI> uris;
    private final EmbeddedElasticsearch embedded;

    ElasticsearchEndpoint(List<URI> uris, EmbeddedElasticsearch embedded) {
        this.uris = List.copyOf(uris);
        this.embedded = embedded;
    }

    public List<URI> uris() {
        return uris;
    }

    public Optional<EmbeddedElasticsearch> embedded() {
        return Optional.ofNullable(embedded);
    }

    @Override
    public void close() {
        if (embedded != null) {
            embedded.close();
        }
    }
}
