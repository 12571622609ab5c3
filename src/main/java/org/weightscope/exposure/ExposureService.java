package org.weightscope.exposure;

import java.time.Clock;
import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;
import org.weightscope.catalogue.AttributionRules;
import org.weightscope.catalogue.Attributor;

/**
 * Entry point of the exposure report for the view and the REST API: parse an uploaded inventory, resolve it
 * against the catalogue and compute the report, or export a report as CSV.
 */
@Service
public class ExposureService {

    private final InventoryParser parser;
    private final ReportCalculator calculator;
    /** Optional until the catalogue-backed lookup exists; callers can always pass a lookup explicitly. */
    private final Supplier<ModelLookup> defaultLookup;
    /** The rule version in force (with the fingerprint of the rule files), cited by every report. */
    private final Supplier<String> ruleVersion;

    @Autowired
    ExposureService(
            ExposureSettings settings,
            ObjectProvider<ModelLookup> lookup,
            ObjectProvider<AttributionRules> rules,
            Clock clock) {
        this(settings, lookup::getIfAvailable, clock, () -> {
            AttributionRules r = rules.getIfAvailable();
            return r == null ? Attributor.RULE_VERSION : r.version();
        });
    }

    ExposureService(ExposureSettings settings, Supplier<ModelLookup> lookup, Clock clock) {
        this(settings, lookup, clock, () -> Attributor.RULE_VERSION);
    }

    ExposureService(
            ExposureSettings settings, Supplier<ModelLookup> lookup, Clock clock, Supplier<String> ruleVersion) {
        this.parser = new InventoryParser(settings);
        this.calculator = new ReportCalculator(settings, clock);
        this.defaultLookup = lookup;
        this.ruleVersion = ruleVersion;
    }

    /**
     * @param filename as uploaded (only used for a warning when it contradicts the content); may be null
     * @throws InventoryException when the file as a whole is unusable; the message can be shown to the user
     */
    public Inventory parse(String filename, byte[] content) {
        return parser.parse(filename, content);
    }

    /** @param chosenOrigin ISO 3166-1 alpha-2 country to suggest alternatives away from, or null for none */
    public ExposureReport compute(Inventory inventory, ModelLookup lookup, String chosenOrigin) {
        return calculator.compute(inventory, lookup, chosenOrigin, ruleVersion.get());
    }

    /** Parse + resolve + compute with the application's {@link ModelLookup}. */
    public ExposureReport report(String filename, byte[] content, String chosenOrigin) {
        ModelLookup lookup = defaultLookup.get();
        if (lookup == null)
            throw new IllegalStateException("no ModelLookup bean: the catalogue-backed lookup is not wired yet");
        return compute(parse(filename, content), lookup, chosenOrigin);
    }

    /** Parse + resolve + compute with an explicit lookup. */
    public ExposureReport report(String filename, byte[] content, ModelLookup lookup, String chosenOrigin) {
        return compute(parse(filename, content), lookup, chosenOrigin);
    }

    /** The report as CSV; the first line cites generation time and attribution rule version. */
    public String toCsv(ExposureReport report) {
        return ExposureCsv.write(report);
    }
}
