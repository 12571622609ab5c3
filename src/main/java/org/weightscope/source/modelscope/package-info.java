/**
 * ModelScope hub: the paged dolphin listing and its recordings. Internal to the {@code source} module:
 * ingest sees it as a {@link org.weightscope.source.CrawlSource}.
 */
package org.weightscope.source.modelscope;
