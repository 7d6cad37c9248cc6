package dev.ltb.local.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.ltb.aggregate.RunSummary;
import dev.ltb.engine.ItemResult;
import dev.ltb.json.Json;
import dev.ltb.run.RunHistory;
import dev.ltb.run.RunRecord;
import dev.ltb.run.RunStatus;
import dev.ltb.suite.Suite;
import dev.ltb.suite.SuiteCodec;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * The run history in one SQLite file (by default {@code .ltb/history.db}, see {@link #defaultLocation}).
 *
 * <p>Thread-safe. Every write goes through one connection and joins a group commit (see
 * {@link GroupCommitWriter}), so thousands of {@link #save} calls a second from virtual threads cost little;
 * {@code save} still knows whether the row was new, because each insert runs at once. Reads open their own
 * read-only connection after committing pending writes, so they see every accepted result and never block
 * the writer. Results are stored as the JSON of the whole {@link ItemResult}, beside a few columns worth
 * querying with the sqlite3 shell (docs/history.md).
 */
public final class SqliteRunHistory implements RunHistory {

  /** Overrides the directory of the history file; see {@link #defaultLocation(Path, Map)}. */
  public static final String HOME_VARIABLE = "LTB_HOME";

  public static final String FILE_NAME = "history.db";

  private static final String RUN_COLUMNS =
      "run_id, description, suite_source, suite_json, status, status_reason, created_at, finished_at, total_items,"
          + " summary_json";

  private static final String INSERT_RESULT =
      "INSERT INTO results (run_id, item_id, status, score, provider_label, prompt_id, test_index, latency_ms,"
          + " cost_usd, result_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (run_id, item_id) DO NOTHING";

  private static final int CANDIDATES_SHOWN = 10;
  private static final int RESULT_FETCH_SIZE = 256;
  private static final int STREAM_BUFFER = 64 * 1024;

  private static final ObjectReader ITEM_RESULT = Json.mapper().readerFor(ItemResult.class);
  private static final ObjectReader RUN_SUMMARY = Json.mapper().readerFor(RunSummary.class);

  private final HistoryDatabase database;
  private final GroupCommitWriter writer;
  private final Clock clock;

  private SqliteRunHistory(HistoryDatabase database, GroupCommitWriter writer, Clock clock) {
    this.database = database;
    this.writer = writer;
    this.clock = clock;
  }

  /** Opens (creating and migrating if needed) the history at {@code dbFile} with the default settings. */
  public static SqliteRunHistory open(Path dbFile) {
    return builder(dbFile).open();
  }

  public static Builder builder(Path dbFile) {
    return new Builder(dbFile);
  }

  /** {@code $LTB_HOME/history.db} if that variable is set, else {@code <workingDir>/.ltb/history.db}. */
  public static Path defaultLocation(Path workingDir) {
    return defaultLocation(workingDir, System.getenv());
  }

  /**
   * The history file for a working directory and environment: {@code $LTB_HOME/history.db} when
   * {@code LTB_HOME} is set and not blank (relative to {@code workingDir} if relative), else
   * {@code <workingDir>/.ltb/history.db}.
   */
  public static Path defaultLocation(Path workingDir, Map<String, String> environment) {
    Objects.requireNonNull(workingDir, "workingDir");
    String home = environment.get(HOME_VARIABLE);
    Path directory = home == null || home.isBlank() ? workingDir.resolve(".ltb") : workingDir.resolve(home.strip());
    return directory.resolve(FILE_NAME).normalize();
  }

  /** The file this history lives in. */
  public Path file() {
    return database.file();
  }

  @Override
  public void create(RunRecord run) {
    insertRun(run, run.suiteJson(), null);
  }

  /**
   * Creates the run with its suite stored as gzip-compressed JSON in {@code suite_gzip}, streamed from the
   * suite: the JSON text is never built in memory. Records read back have no {@code suiteJson}; {@link #suite}
   * reads the suite.
   */
  @Override
  public void create(RunRecord run, Suite suite) {
    insertRun(run, null, compress(suite));
  }

  private static byte[] compress(Suite suite) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(bytes, STREAM_BUFFER)) {
      SuiteCodec.write(suite, gzip);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot compress the suite " + suite.source(), e);
    }
    return bytes.toByteArray();
  }

  private void insertRun(RunRecord run, String suiteJson, byte[] suiteGzip) {
    writer.writeAndCommit(
        "create run " + run.runId(),
        statements -> {
          PreparedStatement insert =
              statements.get(
                  "INSERT INTO runs (" + RUN_COLUMNS + ", suite_gzip) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
          insert.setString(1, run.runId());
          insert.setString(2, run.description());
          insert.setString(3, run.suiteSource());
          insert.setString(4, suiteJson);
          insert.setString(5, run.status().name());
          insert.setString(6, run.statusReason());
          insert.setString(7, SqlInstants.format(run.createdAt()));
          insert.setString(8, SqlInstants.format(run.finishedAt()));
          insert.setLong(9, run.totalItems());
          insert.setString(10, run.summary() == null ? null : Json.write(run.summary()));
          insert.setBytes(11, suiteGzip);
          try {
            return insert.executeUpdate();
          } catch (SQLiteException e) {
            if (e.getResultCode() == SQLiteErrorCode.SQLITE_CONSTRAINT_PRIMARYKEY)
              throw new IllegalArgumentException("A run with id " + run.runId() + " already exists in " + file(), e);
            throw e;
          } finally {
            // The cached statement would otherwise keep the suite referenced for as long as the history is open.
            insert.clearParameters();
          }
        });
  }

  @Override
  public Optional<Suite> suite(String runId) {
    writer.flush();
    return read(
        "read the suite of run " + runId,
        connection -> {
          try (PreparedStatement query =
              connection.prepareStatement("SELECT suite_gzip, suite_json FROM runs WHERE run_id = ?")) {
            query.setString(1, runId);
            try (ResultSet row = query.executeQuery()) {
              if (!row.next()) return Optional.empty();
              byte[] gzip = row.getBytes(1);
              if (gzip != null) return Optional.of(decompress(gzip, runId));
              String json = row.getString(2);
              return json == null ? Optional.empty() : Optional.of(SuiteCodec.fromJson(json));
            }
          }
        });
  }

  private Suite decompress(byte[] gzip, String runId) {
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip), STREAM_BUFFER)) {
      return SuiteCodec.read(in);
    } catch (IOException e) {
      throw new HistoryStorageException(
          "Cannot read the suite of run " + runId + " from the run history " + file() + ": its stored copy is"
              + " damaged (" + e.getMessage() + ")",
          e);
    }
  }

  @Override
  public boolean save(ItemResult result) {
    String json = Json.write(result);
    return writer.write(
        "save result " + result.itemId() + " of run " + result.runId(),
        statements -> {
          PreparedStatement insert = statements.get(INSERT_RESULT);
          insert.setString(1, result.runId());
          insert.setString(2, result.itemId());
          insert.setString(3, result.status().name());
          insert.setDouble(4, result.score());
          insert.setString(5, result.providerLabel());
          insert.setString(6, result.promptId());
          insert.setInt(7, result.testIndex());
          insert.setLong(8, result.latencyMs());
          if (result.costUsd() == null) insert.setNull(9, Types.REAL);
          else insert.setDouble(9, result.costUsd());
          insert.setString(10, json);
          try {
            return insert.executeUpdate() == 1;
          } catch (SQLiteException e) {
            if (e.getResultCode() == SQLiteErrorCode.SQLITE_CONSTRAINT_FOREIGNKEY)
              throw new IllegalArgumentException(
                  "Result " + result.itemId() + " belongs to run " + result.runId() + ", which is not in the"
                      + " history; create the run first",
                  e);
            throw e;
          }
        });
  }

  @Override
  public Set<String> completedItemIds(String runId) {
    writer.flush();
    return read(
        "read the completed items of run " + runId,
        connection -> {
          try (PreparedStatement query = connection.prepareStatement("SELECT item_id FROM results WHERE run_id = ?")) {
            query.setString(1, runId);
            query.setFetchSize(RESULT_FETCH_SIZE);
            Set<String> ids = new HashSet<>();
            try (ResultSet rows = query.executeQuery()) {
              while (rows.next()) ids.add(rows.getString(1));
            }
            return Set.copyOf(ids);
          }
        });
  }

  /** Sets the status; a terminal status also sets finished_at, a live one (a resumed run) clears it. */
  @Override
  public void updateStatus(String runId, RunStatus status, String reason) {
    Objects.requireNonNull(status, "status");
    updateRun(
        runId,
        "UPDATE runs SET status = ?, status_reason = ?, finished_at = ? WHERE run_id = ?",
        status.name(),
        reason,
        status.terminal() ? SqlInstants.format(clock.instant()) : null,
        runId);
  }

  @Override
  public void finish(String runId, RunStatus status, RunSummary summary, String reason) {
    Objects.requireNonNull(status, "status");
    if (!status.terminal())
      throw new IllegalArgumentException("A run finishes with a terminal status, not " + status);
    updateRun(
        runId,
        "UPDATE runs SET status = ?, status_reason = ?, finished_at = ?, summary_json = ? WHERE run_id = ?",
        status.name(),
        reason,
        SqlInstants.format(clock.instant()),
        summary == null ? null : Json.write(summary),
        runId);
  }

  private void updateRun(String runId, String sql, String... values) {
    int updated =
        writer.writeAndCommit(
            "update run " + runId,
            statements -> {
              PreparedStatement update = statements.get(sql);
              for (int i = 0; i < values.length; i++) update.setString(i + 1, values[i]);
              try {
                return update.executeUpdate();
              } finally {
                update.clearParameters(); // releases the summary JSON held by the cached statement
              }
            });
    if (updated == 0) throw new IllegalArgumentException("No run " + runId + " in the history " + file());
  }

  /**
   * The run with this exact id, else the one run whose id starts with it.
   *
   * @throws IllegalArgumentException when the prefix is blank or matches several runs (the message lists them)
   */
  @Override
  public Optional<RunRecord> find(String runIdOrPrefix) {
    if (runIdOrPrefix == null || runIdOrPrefix.isBlank())
      throw new IllegalArgumentException("Give a run id, or the first characters of one");
    writer.flush();
    return read(
        "find run " + runIdOrPrefix,
        connection -> {
          List<RunRecord> exact = queryRuns(connection, "WHERE run_id = ?", runIdOrPrefix);
          if (!exact.isEmpty()) return Optional.of(exact.getFirst());
          List<RunRecord> matches =
              queryRuns(
                  connection,
                  "WHERE run_id GLOB ? ORDER BY run_id LIMIT ?",
                  globPrefix(runIdOrPrefix),
                  CANDIDATES_SHOWN + 1);
          if (matches.size() <= 1) return matches.stream().findFirst();
          List<String> ids = matches.stream().limit(CANDIDATES_SHOWN).map(RunRecord::runId).toList();
          throw new IllegalArgumentException(
              "Run id prefix '" + runIdOrPrefix + "' is ambiguous; it matches " + String.join(", ", ids)
                  + (matches.size() > CANDIDATES_SHOWN ? " and more" : "") + ". Give more characters.");
        });
  }

  /** GLOB rather than LIKE: case-sensitive like run ids, and served by the primary-key index. */
  private static String globPrefix(String prefix) {
    StringBuilder pattern = new StringBuilder();
    for (char c : prefix.toCharArray()) {
      if (c == '*' || c == '?' || c == '[') pattern.append('[').append(c).append(']');
      else pattern.append(c);
    }
    return pattern.append('*').toString();
  }

  @Override
  public List<RunRecord> list(int limit) {
    if (limit < 0) throw new IllegalArgumentException("limit must be >= 0, was " + limit);
    writer.flush();
    return read(
        "list runs",
        connection -> queryRuns(connection, "ORDER BY created_at DESC, run_id DESC LIMIT ?", limit));
  }

  private List<RunRecord> queryRuns(Connection connection, String clauses, Object... parameters) throws SQLException {
    try (PreparedStatement query = connection.prepareStatement("SELECT " + RUN_COLUMNS + " FROM runs " + clauses)) {
      for (int i = 0; i < parameters.length; i++) query.setObject(i + 1, parameters[i]);
      List<RunRecord> runs = new ArrayList<>();
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) runs.add(toRunRecord(rows));
      }
      return runs;
    }
  }

  private RunRecord toRunRecord(ResultSet row) throws SQLException {
    String runId = row.getString("run_id");
    String summary = row.getString("summary_json");
    return new RunRecord(
        runId,
        row.getString("description"),
        row.getString("suite_source"),
        row.getString("suite_json"),
        RunStatus.valueOf(row.getString("status")),
        SqlInstants.parse(row.getString("created_at")),
        SqlInstants.parse(row.getString("finished_at")),
        row.getLong("total_items"),
        summary == null ? null : decode(RUN_SUMMARY, summary, () -> "the summary of run " + runId),
        row.getString("status_reason"));
  }

  /**
   * Streams the run's results in item-id order through a forward-only cursor: one row is decoded at a time,
   * so a run of any size is read in constant memory. An exception from the consumer stops the stream.
   */
  @Override
  public void forEachResult(String runId, Consumer<ItemResult> consumer) {
    Objects.requireNonNull(consumer, "consumer");
    writer.flush();
    read(
        "read the results of run " + runId,
        connection -> {
          try (PreparedStatement query =
              connection.prepareStatement(
                  "SELECT item_id, result_json FROM results WHERE run_id = ? ORDER BY item_id",
                  ResultSet.TYPE_FORWARD_ONLY,
                  ResultSet.CONCUR_READ_ONLY)) {
            query.setString(1, runId);
            query.setFetchSize(RESULT_FETCH_SIZE);
            try (ResultSet rows = query.executeQuery()) {
              while (rows.next()) {
                String itemId = rows.getString(1);
                consumer.accept(decode(ITEM_RESULT, rows.getString(2), () -> "result " + itemId + " of run " + runId));
              }
            }
          }
          return null;
        });
  }

  private <T> T decode(ObjectReader reader, String json, Supplier<String> what) {
    try {
      return reader.readValue(json);
    } catch (JsonProcessingException e) {
      throw new HistoryStorageException(
          "Cannot read " + what.get() + " from the run history " + file() + ": its stored JSON is invalid ("
              + e.getOriginalMessage() + ")",
          e);
    }
  }

  @FunctionalInterface
  private interface Read<T> {
    T apply(Connection connection) throws SQLException;
  }

  private <T> T read(String action, Read<T> work) {
    try (Connection connection = database.openReader()) {
      return work.apply(connection);
    } catch (SQLException e) {
      throw HistoryStorageException.of(file(), action, e);
    }
  }

  /** Commits what is pending and closes the file. */
  @Override
  public void close() {
    writer.close();
  }

  /**
   * Settings of a history; every default is here.
   *
   * <ul>
   *   <li>{@code batchSize} 512: writes per group commit at most;
   *   <li>{@code flushInterval} 200 ms: how long an accepted result may stay uncommitted (lost, and re-run
   *       on resume, if the process dies meanwhile);
   *   <li>{@code busyTimeout} 10 s: how long to wait for another process that holds the file's write lock;
   *   <li>{@code clock} system UTC: stamps finished_at and schema_version.applied_at.
   * </ul>
   */
  public static final class Builder {
    private final Path file;
    private int batchSize = 512;
    private Duration flushInterval = Duration.ofMillis(200);
    private Duration busyTimeout = Duration.ofSeconds(10);
    private Clock clock = Clock.systemUTC();

    private Builder(Path file) {
      this.file = Objects.requireNonNull(file, "dbFile").toAbsolutePath().normalize();
    }

    public Builder batchSize(int rows) {
      if (rows < 1) throw new IllegalArgumentException("batchSize must be >= 1, was " + rows);
      this.batchSize = rows;
      return this;
    }

    public Builder flushInterval(Duration interval) {
      if (interval.toMillis() < 1) throw new IllegalArgumentException("flushInterval must be >= 1 ms, was " + interval);
      this.flushInterval = interval;
      return this;
    }

    public Builder busyTimeout(Duration timeout) {
      if (timeout.isNegative()) throw new IllegalArgumentException("busyTimeout must be >= 0, was " + timeout);
      this.busyTimeout = timeout;
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** Creates the file and its directories if needed and brings its schema up to date. */
    public SqliteRunHistory open() {
      try {
        Files.createDirectories(file.getParent());
      } catch (IOException e) {
        throw new UncheckedIOException(
            "Cannot create the directory of the run history " + file + "; check permissions or set LTB_HOME", e);
      }
      HistoryDatabase database = new HistoryDatabase(file, busyTimeout);
      Connection connection = null;
      try {
        connection = database.openWriter();
        SchemaMigrations.migrate(connection, file, clock.instant());
        GroupCommitWriter writer = new GroupCommitWriter(database, connection, batchSize, flushInterval);
        return new SqliteRunHistory(database, writer, clock);
      } catch (SQLException | RuntimeException e) {
        if (connection != null) closeQuietly(connection, e);
        if (e instanceof SQLException sql) throw HistoryStorageException.of(file, "open", sql);
        throw (RuntimeException) e;
      }
    }

    private static void closeQuietly(Connection connection, Exception failure) {
      try {
        connection.close();
      } catch (SQLException e) {
        failure.addSuppressed(e);
      }
    }
  }
}
