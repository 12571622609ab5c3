package org.weightscope.catalogue;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code weightscope.attribution.*}: where the rule files live and the hardware class bounds.
 *
 * @param registryDir directory holding organizations.yaml, licences.yaml and sectors.yaml
 * @param hardware    hardware class thresholds in GB (10^9 bytes)
 * @param hongKong    how organisations in Hong Kong are counted: {@code HK} (apart from the mainland, the default,
 *                    as ISO 3166-1 lists it) or {@code CN} (with it); a documented policy choice users differ on
 */
@ConfigurationProperties("weightscope.attribution")
public record AttributionSettings(Path registryDir, HardwareThresholds hardware, String hongKong) {

    public static final Path DEFAULT_REGISTRY_DIR = Path.of("crawlers/registry");

    public AttributionSettings {
        if (registryDir == null) registryDir = DEFAULT_REGISTRY_DIR;
        if (hardware == null) hardware = HardwareThresholds.DEFAULTS;
        if (hongKong == null || hongKong.isBlank()) hongKong = "HK";
        if (!hongKong.equals("HK") && !hongKong.equals("CN")) {
            throw new IllegalArgumentException(
                    "weightscope.attribution.hong-kong must be HK or CN, not '" + hongKong + "'");
        }
    }

    public static AttributionSettings defaults() {
        return new AttributionSettings(null, null, null);
    }
}
