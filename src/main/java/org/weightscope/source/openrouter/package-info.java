/**
 * OpenRouter hub: catalogue, Data API usage, rankings page (read in Chromium). Internal to the {@code source}
 * module: ingest sees it as a {@link org.weightscope.source.CrawlSource}.
 */
package org.weightscope.source.openrouter;
