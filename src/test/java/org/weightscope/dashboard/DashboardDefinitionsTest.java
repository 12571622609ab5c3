package org.weightscope.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.weightscope.catalogue.Adoption;

/** Dashboard files: the shipped ones are valid; an invalid file is reported by file and field, the rest load. */
class DashboardDefinitionsTest {

    @Test
    void shippedDashboardsAreValid() {
        DashboardDefinitions shipped = new DashboardDefinitions(Path.of("dashboards"));
        assertThat(shipped.errors()).isEmpty();
        DashboardDefinition overview = shipped.get("overview").orElseThrow();
        assertThat(overview.panels())
                .extracting(DashboardDefinition.Panel::chart)
                .contains("headline", "area", "pie", "stacked-bar", "bar");
        assertThat(overview.panels())
                .anySatisfy(p -> assertThat(p.split()).isEqualTo(Adoption.Dimension.HARDWARE_CLASS));
    }

    @Test
    void anInvalidFileIsNamedWithItsFieldAndTheOthersStillLoad(@TempDir Path dir) throws Exception {
        Files.copy(Path.of("dashboards/overview.yaml"), dir.resolve("overview.yaml"));
        Files.writeString(dir.resolve("broken.yaml"), """
                id: broken
                title: {en: Broken}
                panels:
                  - id: one
                    title: {en: One}
                    metric: downloads-30d
                    by: origin
                  - id: two
                    title: {en: Two}
                    metric: stars
                    by: origin
                """);
        Files.writeString(dir.resolve("not-yaml.yaml"), "id: [unclosed\n");
        DashboardDefinitions definitions = new DashboardDefinitions(dir);
        assertThat(definitions.get("overview")).isPresent();
        assertThat(definitions.get("broken")).isEmpty();
        assertThat(definitions.errors())
                .anySatisfy(e -> assertThat(e)
                        .contains("broken.yaml")
                        .contains("panels[1].metric")
                        .contains("unknown metric 'stars'"));
        assertThat(definitions.errors())
                .anySatisfy(e -> assertThat(e).contains("not-yaml.yaml").contains("not valid YAML"));
    }
}
