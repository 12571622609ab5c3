package org.weightscope.exposure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** The service starts without a catalogue-backed ModelLookup (not written yet) and uses one once it exists. */
class ExposureServiceWiringTest {

    @Configuration
    @EnableConfigurationProperties(ExposureSettings.class)
    @Import(ExposureService.class)
    static class Config {}

    // the app's one Clock bean lives in the shared kernel (TimeConfiguration); this slim context brings its own
    final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(Config.class)
            .withBean(Clock.class, Clock::systemUTC)
            .withPropertyValues("weightscope.exposure.max-components=2");

    @Test
    void startsWithoutALookup_andBindsSettings() {
        runner.run(ctx -> {
            assertThat(ctx).hasNotFailed().hasSingleBean(ExposureService.class);
            assertThat(ctx.getBean(ExposureSettings.class).maxComponents()).isEqualTo(2);
        });
    }

    @Test
    void usesTheLookupBeanWhenPresent() {
        runner.withBean(ModelLookup.class, () -> ModelLookup.of(List.of(CatalogueFixture.model("Qwen/Qwen3-32B-GGUF"))))
                .run(ctx -> {
                    ExposureReport r = ctx.getBean(ExposureService.class)
                            .report("x.csv", "model\nqwen/qwen3-32b-gguf\n".getBytes(), "CN");
                    assertThat(r.components())
                            .singleElement()
                            .extracting(ExposureReport.Component::status)
                            .isEqualTo("resolved");
                });
    }
}
