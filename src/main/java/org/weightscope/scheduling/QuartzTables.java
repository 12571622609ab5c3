package org.weightscope.scheduling;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.flywaydb.core.api.CoreMigrationType;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.flywaydb.core.extensibility.MigrationType;
import org.quartz.Scheduler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.DatabaseDriver;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Component;

/**
 * Version 1 of the scheduler's schema (Flyway, history in {@code scheduler_schema_history}): Quartz's own
 * table script for the database, read from the quartz jar ({@code org/quartz/impl/jdbcjobstore}), so a Quartz
 * upgrade brings its script and the project keeps no copy. Two changes to Quartz's text: on PostgreSQL its
 * {@code DROP TABLE} lines and trailing {@code COMMIT} are left out (Flyway runs a migration in its own
 * transaction, and a store it baselines keeps its tables); on H2 every table and constraint is created only where missing,
 * because stores made before Flyway already hold them and are baselined at version 0.
 *
 * <p>Version 1 was first a SQL file per database ({@code db/scheduler/{vendor}/V1__quartz_2_5_tables.sql},
 * the same statements). Stores it migrated recorded that file's type, description and checksum, and Flyway
 * validates all three: this migration reports the same ones, so those stores start as before.
 */
@Component
class QuartzTables implements JavaMigration {

    private record Script(String resource, boolean createOnlyMissing, int sqlFileChecksum) {}

    private static final Map<DatabaseDriver, Script> SCRIPTS = Map.of(
            DatabaseDriver.H2, new Script("tables_h2.sql", true, -8887974),
            DatabaseDriver.POSTGRESQL, new Script("tables_postgres.sql", false, 651092111));

    private final Script script;

    @Autowired
    QuartzTables(DataSource dataSource) {
        this(driver(dataSource));
    }

    QuartzTables(DatabaseDriver database) {
        script = SCRIPTS.get(database);
        if (script == null) {
            throw new IllegalStateException("the scheduler's store must be H2 or PostgreSQL, not " + database);
        }
    }

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("1");
    }

    @Override
    public String getDescription() {
        return "quartz 2 5 tables";
    }

    @Override
    public Integer getChecksum() {
        return script.sqlFileChecksum();
    }

    @Override
    public MigrationType getType() {
        return CoreMigrationType.SQL;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        apply(context.getConnection());
    }

    /** Runs this version's statements on the connection (the tests make stores with it). */
    void apply(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String sql : statements()) {
                statement.execute(sql);
            }
        }
    }

    List<String> statements() {
        String text;
        try (InputStream in = Scheduler.class.getResourceAsStream("impl/jdbcjobstore/" + script.resource())) {
            text = new String(Objects.requireNonNull(in, script.resource()).readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Quartz's " + script.resource() + " could not be read", e);
        }
        return split(text).stream()
                .filter(s -> !s.startsWith("DROP ") && !s.equals("COMMIT"))
                .map(s -> script.createOnlyMissing() ? onlyWhereMissing(s) : s)
                .toList();
    }

    private static String onlyWhereMissing(String statement) {
        return statement
                .replaceFirst("^CREATE TABLE ", "CREATE TABLE IF NOT EXISTS ")
                .replaceFirst("^(ALTER TABLE \\w+\\s+ADD)\\s+CONSTRAINT ", "$1 CONSTRAINT IF NOT EXISTS ");
    }

    /** The statements of a script in Quartz's style: "--" comment lines, and ";" only where a statement ends. */
    static List<String> split(String script) {
        String code = script.lines().filter(l -> !l.strip().startsWith("--")).collect(Collectors.joining("\n"));
        return Arrays.stream(code.split(";"))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    private static DatabaseDriver driver(DataSource dataSource) {
        try {
            return DatabaseDriver.fromProductName(
                    JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName));
        } catch (MetaDataAccessException e) {
            throw new IllegalStateException("the scheduler's store could not be reached", e);
        }
    }
}
