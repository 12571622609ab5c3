package org.weightscope.catalogue;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;

/**
 * {@code weightscope.attribution.*}: where the rule files live and the hardware class bounds.
 *
 * @param registryDir directory holding organizations.yaml, licences.yaml and sectors.yaml
 * @param hardware    hardware class thresholds in GB (10^9 bytes)
 */
@ConfigurationProperties("weightscope.attribution")
public record AttributionSettings(Path registryDir, HardwareThresholds hardware) {

    public static final Path DEFAULT_REGISTRY_DIR = Path.of("crawlers/registry");

    public AttributionSettings {
        if (registryDir == null) registryDir = DEFAULT_REGISTRY_DIR;
        if (hardware == null) hardware = HardwareThresholds.DEFAULTS;
    }

    public static AttributionSettings defaults() {
        return new AttributionSettings(null, null);
    }
}
