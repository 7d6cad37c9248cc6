package dev.ltb.local.history;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Brings a history file to the schema this version of ltb knows. Each migration is a SQL script in
 * {@code resources/dev/ltb/local/history/migrations}, named {@code V<version>__<what_it_does>.sql} and listed
 * in {@link #SCRIPTS}; released scripts are never edited: a schema change is a new script. Applied versions
 * are recorded in the {@code schema_version} table.
 */
final class SchemaMigrations {

  /** In version order; a test checks that this list and the resource folder agree. */
  static final List<String> SCRIPTS = List.of("V1__runs_and_results.sql", "V2__suite_stored_compressed.sql");

  static final String RESOURCE_FOLDER = "migrations/";

  private static final Pattern NAME = Pattern.compile("V(\\d+)__(\\w+)\\.sql");

  record Migration(int version, String description, String script) {}

  private SchemaMigrations() {}

  static List<Migration> all() {
    List<Migration> migrations = new ArrayList<>();
    for (String script : SCRIPTS) {
      Matcher name = NAME.matcher(script);
      if (!name.matches()) throw new IllegalStateException("migration " + script + " is not named V<n>__<what>.sql");
      int version = Integer.parseInt(name.group(1));
      if (version != migrations.size() + 1)
        throw new IllegalStateException("migration " + script + " should be version " + (migrations.size() + 1));
      migrations.add(new Migration(version, name.group(2).replace('_', ' '), script));
    }
    return List.copyOf(migrations);
  }

  static int latestVersion() {
    return all().size();
  }

  /**
   * Applies every missing migration in one IMMEDIATE transaction, so two processes opening a new file at
   * once cannot both migrate it. The connection must be in auto-commit mode.
   *
   * @return the schema version the file has now
   */
  static int migrate(Connection connection, Path file, Instant now) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.executeUpdate("BEGIN IMMEDIATE");
      try {
        int current = currentVersion(connection, file);
        for (Migration migration : all()) {
          if (migration.version() > current) apply(connection, migration, now);
        }
        statement.executeUpdate("COMMIT");
        return Math.max(current, latestVersion());
      } catch (SQLException | RuntimeException e) {
        try {
          statement.executeUpdate("ROLLBACK");
        } catch (SQLException rollbackFailure) {
          e.addSuppressed(rollbackFailure);
        }
        throw e;
      }
    }
  }

  private static int currentVersion(Connection connection, Path file) throws SQLException {
    List<String> tables = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%'")) {
      while (rows.next()) tables.add(rows.getString(1));
    }
    if (!tables.contains("schema_version")) {
      if (!tables.isEmpty())
        throw new HistoryStorageException(
            file + " is a SQLite database but not an ltb run history (it has tables " + tables
                + " and no schema_version); point LTB_HOME at another directory");
      try (Statement statement = connection.createStatement()) {
        statement.executeUpdate(
            "CREATE TABLE schema_version (version INTEGER NOT NULL PRIMARY KEY, description TEXT NOT NULL,"
                + " applied_at TEXT NOT NULL)");
      }
      return 0;
    }
    int current;
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT coalesce(max(version), 0) FROM schema_version")) {
      rows.next();
      current = rows.getInt(1);
    }
    if (current > latestVersion())
      throw new HistoryStorageException(
          "Run history " + file + " has schema version " + current + ", newer than the " + latestVersion()
              + " this ltb knows; upgrade ltb, or set LTB_HOME to use another history");
    return current;
  }

  private static void apply(Connection connection, Migration migration, Instant now) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      // sqlite-jdbc runs a multi-statement script through sqlite3_exec.
      statement.executeUpdate(script(migration));
    }
    try (PreparedStatement insert =
        connection.prepareStatement("INSERT INTO schema_version (version, description, applied_at) VALUES (?, ?, ?)")) {
      insert.setInt(1, migration.version());
      insert.setString(2, migration.description());
      insert.setString(3, SqlInstants.format(now));
      insert.executeUpdate();
    }
  }

  private static String script(Migration migration) {
    try (InputStream in = SchemaMigrations.class.getResourceAsStream(RESOURCE_FOLDER + migration.script())) {
      if (in == null) throw new IllegalStateException("migration script " + migration.script() + " is missing");
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read migration " + migration.script(), e);
    }
  }
}
