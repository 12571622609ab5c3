/**
 * OpenRouter hub: catalogue, Data API usage, rankings page. Exposed to other modules (ingest) as the named interface "openrouter"; the public types are the facade {@link org.weightscope.source.openrouter.OpenRouter} and its records.
 * A named interface because sub-packages of a Modulith module are internal by default.
 */
@org.springframework.modulith.NamedInterface("openrouter")
package org.weightscope.source.openrouter;
