/**
 * Ollama hub: the library search page, parsed with the selectors of its definition. Internal to the
 * {@code source} module: ingest sees it as a {@link org.weightscope.source.CrawlSource}.
 */
package org.weightscope.source.ollama;
