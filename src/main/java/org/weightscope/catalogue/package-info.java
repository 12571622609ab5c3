/**
 * The model catalogue and its attribution: model facts in, attribution out (origin, lineage, licence,
 * hardware class, sector). {@link org.weightscope.catalogue.CatalogueService} is the API other modules
 * read through; {@code attribution} holds the rule interpreters, whose rules live in crawlers/registry.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "storage"})
package org.weightscope.catalogue;
