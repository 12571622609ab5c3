/** Public, read-only Vaadin views. They call the catalogue and ingest APIs only. */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "catalogue", "ingest", "exposure", "scheduling", "usage"})
package org.weightscope.dashboard;
