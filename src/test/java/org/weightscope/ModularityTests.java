package org.weightscope;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** The module boundaries of package-info.java hold: allowed dependencies only, no cycles, internals hidden. */
class ModularityTests {

    @Test
    void modulesRespectTheirBoundaries() {
        ApplicationModules modules = ApplicationModules.of(WeightscopeApplication.class);
        modules.forEach(System.out::println);
        modules.verify();
    }
}
