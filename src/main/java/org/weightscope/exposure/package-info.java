/**
 * Enterprise exposure report: an uploaded AI inventory (CycloneDX JSON/XML or CSV) is resolved against the
 * catalogue and summarised by origin (uploader and lineage views), concentration and licence risk.
 * {@link org.weightscope.exposure.ExposureService} is the entry point for the view and the REST API;
 * {@link org.weightscope.exposure.ModelLookup} is the seam to the catalogue. Saved reports
 * ({@link org.weightscope.exposure.SavedReports}) are re-evaluated after each crawl run and raise alerts
 * through the alerts module when a component's licence or origin changes.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "catalogue", "storage", "alerts", "ingest"})
package org.weightscope.exposure;
