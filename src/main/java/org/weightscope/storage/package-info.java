/**
 * Elasticsearch: the client, the embedded server used when no cluster is configured, index names and
 * mapping files created idempotently at start-up. Only this module and a feature's own {@code *Index}
 * class talk to the client.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared"})
package org.weightscope.storage;
