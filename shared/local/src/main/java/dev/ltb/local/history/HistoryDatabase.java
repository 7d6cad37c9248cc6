package dev.ltb.local.history;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import org.sqlite.SQLiteConfig;

/** Opens connections to one history file, each with the settings every connection needs. */
final class HistoryDatabase {

  private final Path file;
  private final String url;
  private final int busyTimeoutMillis;

  HistoryDatabase(Path file, Duration busyTimeout) {
    this.file = file;
    this.url = "jdbc:sqlite:" + file;
    this.busyTimeoutMillis = Math.toIntExact(busyTimeout.toMillis());
  }

  Path file() {
    return file;
  }

  /**
   * The one connection that writes. WAL lets readers (reports, {@code ltb show}) run beside a run that is
   * writing; synchronous=NORMAL keeps every commit safe from a crash of the process, and at worst loses the
   * last commits on power loss, which a resume re-runs.
   */
  Connection openWriter() throws SQLException {
    SQLiteConfig config = common();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
    return config.createConnection(url);
  }

  /** A short-lived read-only connection; each read opens its own, so no read ever waits for a writer. */
  Connection openReader() throws SQLException {
    SQLiteConfig config = common();
    config.setReadOnly(true);
    return config.createConnection(url);
  }

  private SQLiteConfig common() {
    SQLiteConfig config = new SQLiteConfig();
    config.setBusyTimeout(busyTimeoutMillis);
    config.enforceForeignKeys(true);
    return config;
  }
}
