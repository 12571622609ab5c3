package org.weightscope.catalogue;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/** {@code ./weightscope run --reapply-attribution}: re-applies the rule files to the stored catalogue at start. */
@Component
class ReattributionCommand implements ApplicationRunner {

    private final Reattribution reattribution;

    ReattributionCommand(Reattribution reattribution) {
        this.reattribution = reattribution;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (args.containsOption("reapply-attribution")) {
            reattribution.reapply();
        }
    }
}
