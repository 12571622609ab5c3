package org.weightscope.storage;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import java.io.IOException;
import java.util.List;

/** One {@code _bulk} request for the writes of a page (models, snapshots and events together). */
public final class Bulk {

    private Bulk() {}

    public static void execute(ElasticsearchClient client, List<BulkOperation> operations, String what) {
        if (operations.isEmpty()) {
            return;
        }
        try {
            BulkResponse response = client.bulk(BulkRequest.of(b -> b.operations(operations)));
            if (response.errors()) {
                String reason = response.items().stream()
                        .filter(i -> i.error() != null)
                        .map(i -> i.index() + "/" + i.id() + ": " + i.error().reason())
                        .findFirst()
                        .orElse("?");
                throw new StorageException("bulk write of " + what + " failed, first error: " + reason);
            }
        } catch (IOException e) {
            throw new StorageException("bulk write of " + what + " failed", e);
        }
    }
}
