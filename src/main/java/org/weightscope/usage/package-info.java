/**
 * Token usage on routers (OpenRouter): one stored row per day, window and model slug, each credited to
 * countries of origin through the catalogue's attribution, and the token share by origin answered from
 * them. Fed by ingest with the pages a usage source fetched; read by the API and the views through
 * {@link org.weightscope.usage.RouterUsageService}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "storage", "catalogue", "source"})
package org.weightscope.usage;
