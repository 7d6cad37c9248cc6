package dev.ltb.local.history;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The single connection that writes, shared by every thread. Writes run one at a time under a lock (a
 * {@link ReentrantLock}, which virtual threads wait on without pinning their carrier) and join a group
 * commit: the open transaction is committed every {@code batchSize} writes, every {@code flushInterval}, or
 * at once when a caller needs it durable or visible to readers. Each write still runs its own statement, so
 * its outcome (e.g. "already stored") is known when it returns; only durability is deferred.
 */
final class GroupCommitWriter implements AutoCloseable {

  @FunctionalInterface
  interface Write<T> {
    T apply(Statements statements) throws SQLException;
  }

  /** The writer's statements, prepared once and reused across commits. */
  static final class Statements {
    private final Connection connection;
    private final Map<String, PreparedStatement> prepared = new HashMap<>();

    private Statements(Connection connection) {
      this.connection = connection;
    }

    PreparedStatement get(String sql) throws SQLException {
      PreparedStatement statement = prepared.get(sql);
      if (statement == null) {
        statement = connection.prepareStatement(sql);
        prepared.put(sql, statement);
      }
      return statement;
    }

    private void close() throws SQLException {
      for (PreparedStatement statement : prepared.values()) statement.close();
      prepared.clear();
    }
  }

  private final HistoryDatabase database;
  private final Connection connection;
  private final Statements statements;
  private final int batchSize;
  private final ScheduledExecutorService committer;
  private final ReentrantLock lock = new ReentrantLock();
  private int uncommittedWrites;
  private HistoryStorageException lostWrites;
  private boolean closed;

  GroupCommitWriter(HistoryDatabase database, Connection connection, int batchSize, Duration flushInterval)
      throws SQLException {
    this.database = database;
    this.connection = connection;
    this.statements = new Statements(connection);
    this.batchSize = batchSize;
    connection.setAutoCommit(false);
    this.committer =
        Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("ltb-history-commit").factory());
    long millis = flushInterval.toMillis();
    committer.scheduleWithFixedDelay(this::commitInBackground, millis, millis, TimeUnit.MILLISECONDS);
  }

  /** Runs a write that joins the current group commit. */
  <T> T write(String action, Write<T> work) {
    lock.lock();
    try {
      ensureUsable();
      // Counted before running: even a failed statement may hold the write lock until the next commit.
      uncommittedWrites++;
      T result = work.apply(statements);
      if (uncommittedWrites >= batchSize) commit();
      return result;
    } catch (SQLException e) {
      throw HistoryStorageException.of(database.file(), action, e);
    } finally {
      lock.unlock();
    }
  }

  /** Runs a write and commits it, with every write before it, before returning. */
  <T> T writeAndCommit(String action, Write<T> work) {
    lock.lock();
    try {
      ensureUsable();
      uncommittedWrites++;
      T result = work.apply(statements);
      commit();
      return result;
    } catch (SQLException e) {
      throw HistoryStorageException.of(database.file(), action, e);
    } finally {
      lock.unlock();
    }
  }

  /** Commits every write so far, so that they are durable and other connections see them. */
  void flush() {
    lock.lock();
    try {
      ensureUsable();
      commit();
    } finally {
      lock.unlock();
    }
  }

  private void commitInBackground() {
    lock.lock();
    try {
      if (!closed && lostWrites == null) commit();
    } catch (HistoryStorageException e) {
      // Kept in lostWrites: the next write, flush or close reports it to a thread that can act on it.
    } finally {
      lock.unlock();
    }
  }

  private void commit() {
    if (uncommittedWrites == 0) return;
    int writes = uncommittedWrites;
    try {
      connection.commit();
      uncommittedWrites = 0;
    } catch (SQLException e) {
      try {
        connection.rollback();
      } catch (SQLException rollbackFailure) {
        e.addSuppressed(rollbackFailure);
      }
      uncommittedWrites = 0;
      lostWrites =
          HistoryStorageException.of(
              database.file(),
              "commit the last " + writes + " writes (they are lost; stop the run and resume it once fixed)",
              e);
      throw lostWrites;
    }
  }

  private void ensureUsable() {
    if (closed) throw new IllegalStateException("The run history " + database.file() + " is closed");
    if (lostWrites != null) throw new HistoryStorageException(lostWrites.getMessage(), lostWrites);
  }

  /** Commits what is pending and closes the connection; later writes fail. */
  @Override
  public void close() {
    committer.shutdown();
    lock.lock();
    try {
      if (closed) return;
      closed = true;
      try {
        if (lostWrites == null) commit();
      } finally {
        closeConnection();
      }
      if (lostWrites != null) throw new HistoryStorageException(lostWrites.getMessage(), lostWrites);
    } finally {
      lock.unlock();
    }
  }

  private void closeConnection() {
    try (connection) {
      statements.close();
      try (Statement statement = connection.createStatement()) {
        // Lets SQLite refresh its query-planner statistics where they are stale; cheap when nothing changed.
        statement.execute("PRAGMA optimize");
      }
      connection.commit();
    } catch (SQLException e) {
      throw HistoryStorageException.of(database.file(), "close", e);
    }
  }
}
