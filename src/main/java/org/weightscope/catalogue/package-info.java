/**
 * The model catalogue and its attribution (origin, lineage, licence, hardware class, sector).
 * {@link org.weightscope.catalogue.CatalogueService} is the API other modules read through.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "storage"})
package org.weightscope.catalogue;
