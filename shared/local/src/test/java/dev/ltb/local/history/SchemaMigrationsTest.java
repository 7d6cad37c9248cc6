package dev.ltb.local.history;

import static dev.ltb.local.history.HistoryFixtures.count;
import static dev.ltb.local.history.HistoryFixtures.execute;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaMigrationsTest {

  @TempDir Path dir;

  private Path file() {
    return dir.resolve("history.db");
  }

  @Test
  void migratesAnEmptyFileToTheLatestSchema() throws Exception {
    Files.createFile(file());

    SqliteRunHistory.open(file()).close();

    assertThat(rows("SELECT version || ' ' || description FROM schema_version ORDER BY version"))
        .containsExactly("1 runs and results", "2 suite stored compressed");
    assertThat(rows("SELECT name FROM sqlite_master WHERE type IN ('table', 'index') AND name NOT LIKE 'sqlite%'"))
        .containsExactlyInAnyOrder("schema_version", "runs", "runs_by_created_at", "results");
    assertThat(rows("PRAGMA journal_mode")).containsExactly("wal");
  }

  @Test
  void reopeningAMigratedFileChangesNothing() throws Exception {
    try (SqliteRunHistory history = SqliteRunHistory.open(file())) {
      history.create(HistoryFixtures.run("run-1"));
    }
    List<String> schema = rows("SELECT type || ' ' || name || ' ' || coalesce(sql, '') FROM sqlite_master");
    List<String> versions = rows("SELECT version || ' ' || applied_at FROM schema_version");

    try (SqliteRunHistory history = SqliteRunHistory.open(file())) {
      assertThat(history.find("run-1")).isPresent();
    }

    assertThat(rows("SELECT type || ' ' || name || ' ' || coalesce(sql, '') FROM sqlite_master")).isEqualTo(schema);
    assertThat(rows("SELECT version || ' ' || applied_at FROM schema_version")).isEqualTo(versions);
  }

  @Test
  void refusesAHistoryWrittenByANewerLtb() throws Exception {
    SqliteRunHistory.open(file()).close();
    execute(file(), "INSERT INTO schema_version VALUES (3, 'from the future', '2030-01-01T00:00:00.000000000Z')");

    assertThatThrownBy(() -> SqliteRunHistory.open(file()))
        .isInstanceOf(HistoryStorageException.class)
        .hasMessage(
            "Run history " + file() + " has schema version 3, newer than the 2 this ltb knows; upgrade ltb, or set"
                + " LTB_HOME to use another history");
  }

  @Test
  void leavesAnotherApplicationsDatabaseAlone() throws Exception {
    execute(file(), "CREATE TABLE notes (text TEXT)");

    assertThatThrownBy(() -> SqliteRunHistory.open(file()))
        .isInstanceOf(HistoryStorageException.class)
        .hasMessage(
            file() + " is a SQLite database but not an ltb run history (it has tables [notes] and no schema_version);"
                + " point LTB_HOME at another directory");
    assertThat(count(file(), "SELECT count(*) FROM sqlite_master")).isEqualTo(1);
  }

  @Test
  void saysWhatToDoWithAFileThatIsNotADatabase() throws Exception {
    Files.writeString(file(), "these are my notes, not a database; ".repeat(100));

    assertThatThrownBy(() -> SqliteRunHistory.open(file()))
        .isInstanceOf(HistoryStorageException.class)
        .hasMessage(
            "Run history " + file() + ": cannot open: the file is not a readable SQLite database; move it away"
                + " (a new one is created) or set LTB_HOME");
  }

  @Test
  void everyScriptInTheMigrationsFolderIsListedInVersionOrder() throws URISyntaxException, java.io.IOException {
    Path folder = Path.of(SchemaMigrations.class.getResource(SchemaMigrations.RESOURCE_FOLDER).toURI());
    List<String> scripts;
    try (Stream<Path> files = Files.list(folder)) {
      scripts =
          files
              .map(path -> path.getFileName().toString())
              .sorted(Comparator.comparingInt(name -> Integer.parseInt(name.substring(1, name.indexOf("__")))))
              .toList();
    }

    assertThat(SchemaMigrations.SCRIPTS).isEqualTo(scripts);
    assertThat(SchemaMigrations.all()).extracting(SchemaMigrations.Migration::version).doesNotHaveDuplicates();
    assertThat(SchemaMigrations.latestVersion()).isEqualTo(scripts.size());
  }

  private List<String> rows(String sql) throws SQLException {
    try (Connection connection = HistoryFixtures.rawConnection(file());
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      List<String> values = new ArrayList<>();
      while (rows.next()) values.add(rows.getString(1));
      return values;
    }
  }
}
