package org.weightscope.scheduling;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.MigrateResult;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.jdbc.DatabaseDriver;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.yaml.snakeyaml.Yaml;

/**
 * The scheduler's schema as Flyway creates it with the app's settings (application.yaml's spring.flyway): a
 * new H2 store gets Quartz's tables from V1; a store made before Flyway (by the re-runnable script Boot ran on
 * every start) is baselined and keeps its schedules; a second start migrates nothing.
 */
class SchedulerSchemaTest {

    /** Version 1 as it first was: one SQL file per database (kept here to show those stores still start). */
    static final String SQL_V1 = "db/scheduler-sql-v1/";

    @SuppressWarnings("unchecked")
    static Flyway flyway(DataSource db) throws Exception {
        Map<String, Object> yaml;
        try (var in = new ClassPathResource("application.yaml").getInputStream()) {
            yaml = new Yaml().load(in);
        }
        Map<String, Object> f = (Map<String, Object>) ((Map<String, Object>) yaml.get("spring")).get("flyway");
        assertThat(f).doesNotContainKey("locations");
        return Flyway.configure()
                .dataSource(db)
                .javaMigrations(new QuartzTables(DatabaseDriver.H2))
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
        try (Connection c = db.getConnection()) {
            new QuartzTables(DatabaseDriver.H2).apply(c);
        }
        JdbcTemplate jdbc = new JdbcTemplate(db);
        jdbc.execute("create table EVENT_PUBLICATION (ID uuid primary key)");
        jdbc.update("insert into QRTZ_LOCKS (SCHED_NAME, LOCK_NAME) values ('weightscope', 'TRIGGER_ACCESS')");

        MigrateResult result = flyway(db).migrate();

        assertThat(result.success).isTrue();
        assertThat(flyway(db).info().current().getVersion().getVersion()).isEqualTo("1");
        assertThat(jdbc.queryForObject("select count(*) from QRTZ_LOCKS", Integer.class))
                .isEqualTo(1);
    }

    @Test
    void aStoreThatTheSqlFileMigratedStartsAsBeforeAndNothingRunsAgain() throws Exception {
        JdbcDataSource db = h2(Files.createTempDirectory("weightscope-schema"));
        Flyway before = Flyway.configure()
                .dataSource(db)
                .locations("classpath:" + SQL_V1 + "h2")
                .table(flyway(db).getConfiguration().getTable())
                .load();
        assertThat(before.migrate().migrationsExecuted).isEqualTo(1);

        flyway(db).validate();
        assertThat(flyway(db).migrate().migrationsExecuted).isZero();
    }

    @ParameterizedTest
    @CsvSource({"H2, h2", "POSTGRESQL, postgresql"})
    void theJavaMigrationRunsTheSqlFilesStatementsAndReportsItsChecksum(DatabaseDriver database, String folder)
            throws Exception {
        String file = SQL_V1 + folder + "/V1__quartz_2_5_tables.sql";
        QuartzTables v1 = new QuartzTables(database);
        List<String> sqlFile = QuartzTables.split(new ClassPathResource(file).getContentAsString(UTF_8)).stream()
                .filter(s -> !s.equals("COMMIT"))
                .map(SchedulerSchemaTest::oneLine)
                .toList();
        assertThat(v1.statements().stream().map(SchedulerSchemaTest::oneLine)).containsExactlyElementsOf(sqlFile);

        // what Flyway recorded for the SQL file (resolved here against an empty in-memory store)
        JdbcDataSource empty = new JdbcDataSource();
        empty.setURL("jdbc:h2:mem:sql-v1-" + folder);
        MigrationInfo resolved = Flyway.configure()
                .dataSource(empty)
                .locations("classpath:" + SQL_V1 + folder)
                .load()
                .info()
                .pending()[0];
        assertThat(v1.getChecksum()).isEqualTo(resolved.getChecksum());
        assertThat(v1.getDescription()).isEqualTo(resolved.getDescription());
        assertThat(v1.getType()).isEqualTo(resolved.getType());
        assertThat(v1.getVersion()).isEqualTo(resolved.getVersion());
    }

    static String oneLine(String statement) {
        return statement.replaceAll("\\s+", " ");
    }
}
