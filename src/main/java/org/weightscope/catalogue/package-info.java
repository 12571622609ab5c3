/**
 * Catalogue module: model facts in, attribution out (origin, lineage, licence, hardware, sectors).
 * The public types in this package are the module API; {@code attribution} holds the rules.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared"})
package org.weightscope.catalogue;
