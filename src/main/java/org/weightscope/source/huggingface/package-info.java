/**
 * The Hugging Face Hub: {@code GET /api/models} listings with {@code expand[]}, paged by the {@code Link}
 * header, {@code GET /api/models/{id}} where a listing lacks something, and the bundled recordings.
 * Internal to the {@code source} module: ingest sees it as a {@link org.weightscope.source.CrawlSource}.
 */
package org.weightscope.source.huggingface;
