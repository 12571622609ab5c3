package org.weightscope.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class AttributionSettingsTest {

    @Test
    void defaults() {
        AttributionSettings s = AttributionSettings.defaults();
        assertThat(s.registryDir()).isEqualTo(Path.of("crawlers/registry"));
        assertThat(s.hardware()).isEqualTo(HardwareThresholds.DEFAULTS);
    }

    @Test
    void bindsFromProperties_partialThresholdsKeepDefaults() {
        Binder binder = new Binder(new MapConfigurationPropertySource(Map.of(
                "weightscope.attribution.registry-dir", "/tmp/reg",
                "weightscope.attribution.hardware.edge-gb", "2")));
        AttributionSettings s = binder.bind("weightscope.attribution", AttributionSettings.class)
                .get();
        assertThat(s.registryDir()).isEqualTo(Path.of("/tmp/reg"));
        assertThat(s.hardware()).isEqualTo(new HardwareThresholds(2, 24, 80, 640));
    }

    @Test
    void loadFromRegistryDir(@TempDir Path dir) throws IOException {
        Files.copy(Fixtures.TEST_REGISTRY, dir.resolve(Attributor.ORGANIZATIONS_FILE));
        Files.copy(Fixtures.RULES.resolve(Attributor.LICENCES_FILE), dir.resolve(Attributor.LICENCES_FILE));
        Files.copy(Fixtures.RULES.resolve(Attributor.SECTORS_FILE), dir.resolve(Attributor.SECTORS_FILE));
        Attributor a = Attributor.load(dir);
        assertThat(a.attribute(ModelFacts.of("huggingface", "Qwen/Qwen3-8B"), ParentLookup.none())
                        .uploaderOrigin())
                .containsExactly("CN");

        Files.copy(
                Fixtures.BROKEN_REGISTRY,
                dir.resolve(Attributor.ORGANIZATIONS_FILE),
                StandardCopyOption.REPLACE_EXISTING);
        assertThatThrownBy(() -> Attributor.load(dir)).isInstanceOf(RegistryException.class);
    }
}
