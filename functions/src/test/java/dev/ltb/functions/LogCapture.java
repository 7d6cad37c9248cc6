package dev.ltb.functions;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Everything logged while it is open: records reaching java.util.logging's root (JBoss LogManager in this module,
 * where SLF4J ends up) with their formatted message and thrown exception, and whatever is written to stdout/stderr.
 * Turns {@code dev.ltb} to the finest level while open.
 */
final class LogCapture implements AutoCloseable {

  private final StringBuffer text = new StringBuffer();
  private final PrintStream out = System.out;
  private final PrintStream err = System.err;
  private final ByteArrayOutputStream streams = new ByteArrayOutputStream();
  private final Logger root = Logger.getLogger("");
  private final Logger ltb = Logger.getLogger("dev.ltb");
  private final Level previous = ltb.getLevel();
  private final Handler handler = new Handler() {
    @Override
    public void publish(LogRecord record) {
      String message = record instanceof org.jboss.logmanager.ExtLogRecord ext ? ext.getFormattedMessage()
          : new java.util.logging.SimpleFormatter().formatMessage(record);
      text.append(record.getLevel()).append(' ').append(record.getLoggerName()).append(": ").append(message).append('\n');
      for (Throwable t = record.getThrown(); t != null; t = t.getCause()) text.append("  caused by ").append(t).append('\n');
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  };

  LogCapture() {
    handler.setLevel(Level.ALL);
    root.addHandler(handler);
    ltb.setLevel(Level.ALL);
    PrintStream capture = new PrintStream(streams, true, StandardCharsets.UTF_8);
    System.setOut(capture);
    System.setErr(capture);
  }

  String text() {
    return text + streams.toString(StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    System.setOut(out);
    System.setErr(err);
    root.removeHandler(handler);
    ltb.setLevel(previous);
  }
}
