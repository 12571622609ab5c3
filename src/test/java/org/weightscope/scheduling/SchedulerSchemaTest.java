package org.weightscope.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.yaml.snakeyaml.Yaml;

/**
 * The scheduler's schema as Flyway creates it with the app's settings (application.yaml's spring.flyway): a
 * new H2 store gets Quartz's tables from V1; a store made before Flyway (by the re-runnable script Boot ran on
 * every start) is baselined and keeps its schedules; a second start migrates nothing.
 */
class SchedulerSchemaTest {

    static final String V1 = "db/scheduler/h2/V1__quartz_2_5_tables.sql";

    @SuppressWarnings("unchecked")
    static Flyway flyway(DataSource db) throws Exception {
        Map<String, Object> yaml;
        try (var in = new ClassPathResource("application.yaml").getInputStream()) {
            yaml = new Yaml().load(in);
        }
        Map<String, Object> f = (Map<String, Object>) ((Map<String, Object>) yaml.get("spring")).get("flyway");
        return Flyway.configure()
                .dataSource(db)
                .locations(String.valueOf(f.get("locations")).replace("{vendor}", "h2"))
                .table(String.valueOf(f.get("table")))
                .baselineOnMigrate((Boolean) f.get("baseline-on-migrate"))
                .baselineVersion(String.valueOf(f.get("baseline-version")))
                .load();
    }

    static JdbcDataSource h2(Path dir) {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:file:" + dir.resolve("quartz").toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE");
        ds.setUser("sa");
        return ds;
    }

    @Test
    void aNewStoreGetsQuartzTablesAndASecondStartMigratesNothing() throws Exception {
        JdbcDataSource db = h2(Files.createTempDirectory("weightscope-schema"));
        MigrateResult first = flyway(db).migrate();
        assertThat(first.migrationsExecuted).isEqualTo(1);
        assertThat(new JdbcTemplate(db).queryForObject("select count(*) from QRTZ_JOB_DETAILS", Integer.class))
                .isZero();
        assertThat(flyway(db).migrate().migrationsExecuted).isZero();
        assertThat(flyway(db).info().current().getVersion().getVersion()).isEqualTo("1");
    }

    @Test
    void aStoreFromBeforeFlywayIsBaselinedAndKeepsItsSchedules() throws Exception {
        JdbcDataSource db = h2(Files.createTempDirectory("weightscope-schema"));
        // as Boot's spring.quartz.jdbc.initialize-schema=always left it, with the events table beside it
        new ResourceDatabasePopulator(new ClassPathResource(V1)).execute(db);
        JdbcTemplate jdbc = new JdbcTemplate(db);
        jdbc.execute("create table EVENT_PUBLICATION (ID uuid primary key)");
        jdbc.update("insert into QRTZ_LOCKS (SCHED_NAME, LOCK_NAME) values ('weightscope', 'TRIGGER_ACCESS')");

        MigrateResult result = flyway(db).migrate();

        assertThat(result.success).isTrue();
        assertThat(flyway(db).info().current().getVersion().getVersion()).isEqualTo("1");
        assertThat(jdbc.queryForObject("select count(*) from QRTZ_LOCKS", Integer.class))
                .isEqualTo(1);
    }
}
