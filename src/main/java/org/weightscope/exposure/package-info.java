/**
 * Enterprise exposure report: an uploaded AI inventory (CycloneDX JSON/XML or CSV) is resolved against the
 * catalogue and summarised by origin (uploader and lineage views), concentration and licence risk.
 * {@link org.weightscope.exposure.ExposureService} is the entry point for the view and the REST API;
 * {@link org.weightscope.exposure.ModelLookup} is the seam to the catalogue.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "catalogue"})
package org.weightscope.exposure;
