package org.weightscope.catalogue;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * At start, a store attributed under other rules than the ones loaded (an upgrade, or a registry edited while the app
 * was down) is re-attributed before anything else, because every figure cites the rules loaded: without this, figures
 * computed under the old rules would cite the new ones. Off with {@code weightscope.attribution.reapply-on-start=false}
 * (the stale count is then logged as a warning, and {@code --reapply-attribution} or the admin action re-applies).
 */
@Component
public class StaleAttribution {

    private static final Logger log = LoggerFactory.getLogger(StaleAttribution.class);

    private final ModelsIndex models;
    private final AttributionRules rules;
    private final Reattribution reattribution;
    private final boolean reapplyOnStart;

    StaleAttribution(
            ModelsIndex models,
            AttributionRules rules,
            Reattribution reattribution,
            @Value("${weightscope.attribution.reapply-on-start:true}") boolean reapplyOnStart) {
        this.models = models;
        this.rules = rules;
        this.reattribution = reattribution;
        this.reapplyOnStart = reapplyOnStart;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(0) // before the recordings import, which writes under the rules loaded
    public void atStart() {
        try {
            check();
        } catch (RuntimeException e) {
            // the store may be unreachable at start: the app still serves, and says why the figures may be stale
            log.error(
                    "Could not check the stored attribution against the rules {}: {}",
                    rules.version(),
                    e.getMessage(),
                    e);
        }
    }

    private void check() {
        long stale = count();
        if (stale == 0) {
            return;
        }
        if (!reapplyOnStart) {
            log.warn(
                    "{} stored models were attributed under other rules than {}: their figures cite rules they were"
                            + " not computed with until the rules are re-applied (--reapply-attribution)",
                    stale,
                    rules.version());
            return;
        }
        reapplyIfStale();
    }

    /** Stored models whose attribution names another rule version than the one loaded (or none). */
    public long count() {
        return models.countAttributedOtherThan(rules.version());
    }

    /** Re-applies the rules when any stored model was attributed under others; returns what it did (null: nothing). */
    public Reattribution.Result reapplyIfStale() {
        long stale = count();
        if (stale == 0) {
            return null;
        }
        log.info(
                "{} stored models were attributed under other rules than {}: re-applying the rules to the store",
                stale,
                rules.version());
        return reattribution.reapply();
    }
}
