package org.weightscope.exposure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.util.unit.DataSize;

class ExposureSettingsTest {

    @Test
    void defaults() {
        ExposureSettings s = ExposureSettings.defaults();
        assertThat(s.maxFileSize()).isEqualTo(DataSize.ofMegabytes(5));
        assertThat(s.maxComponents()).isEqualTo(10_000);
        assertThat(s.maxAlternatives()).isEqualTo(3);
        assertThat(s.trendThreshold()).isEqualTo(0.2);
    }

    @Test
    void bindsFromProperties_unsetKeepDefaults() {
        Binder binder = new Binder(new MapConfigurationPropertySource(Map.of(
                "weightscope.exposure.max-file-size", "2MB",
                "weightscope.exposure.max-components", "500")));
        ExposureSettings s =
                binder.bind("weightscope.exposure", ExposureSettings.class).get();
        assertThat(s.maxFileSize()).isEqualTo(DataSize.ofMegabytes(2));
        assertThat(s.maxComponents()).isEqualTo(500);
        assertThat(s.maxAlternatives()).isEqualTo(3);
    }
}
