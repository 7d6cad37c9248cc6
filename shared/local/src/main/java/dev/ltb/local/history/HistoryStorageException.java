package dev.ltb.local.history;

import java.nio.file.Path;
import java.sql.SQLException;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/** The history file could not be read or written; the message names the file and what to do about it. */
public final class HistoryStorageException extends RuntimeException {

  public HistoryStorageException(String message) {
    super(message);
  }

  public HistoryStorageException(String message, Throwable cause) {
    super(message, cause);
  }

  /** Wraps a failure of {@code action} (e.g. "save result t000001-p0-m0-r0") on {@code file}. */
  static HistoryStorageException of(Path file, String action, SQLException e) {
    return new HistoryStorageException("Run history " + file + ": cannot " + action + ": " + advice(e), e);
  }

  private static String advice(SQLException e) {
    SQLiteErrorCode code = e instanceof SQLiteException sqlite ? sqlite.getResultCode() : null;
    if (code == null) return e.getMessage();
    return switch (code) {
      case SQLITE_BUSY, SQLITE_BUSY_SNAPSHOT, SQLITE_BUSY_RECOVERY, SQLITE_LOCKED ->
          "the database is locked by another process; wait for it to finish, or set LTB_HOME to use another history";
      case SQLITE_NOTADB, SQLITE_CORRUPT ->
          "the file is not a readable SQLite database; move it away (a new one is created) or set LTB_HOME";
      case SQLITE_FULL -> "the disk is full; free some space and try again";
      case SQLITE_READONLY, SQLITE_READONLY_DIRECTORY, SQLITE_CANTOPEN, SQLITE_PERM, SQLITE_IOERR ->
          "the file or its directory cannot be written (" + e.getMessage() + "); check permissions or set LTB_HOME";
      default -> e.getMessage();
    };
  }
}
