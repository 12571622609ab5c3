package org.weightscope.source;

import java.time.LocalDate;
import java.util.List;
import org.weightscope.catalogue.CatalogueService.Observation;

/** Everything recorded of a source on one day (files of that day merged, fuller bodies winning). */
public record Recording(String sourceId, LocalDate day, List<String> files, List<Observation> models) {}
