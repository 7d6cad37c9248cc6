package dev.ltb.wasm;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Where the log lines of plugins with the {@code log} capability go. */
@FunctionalInterface
public interface PluginLogSink {

  void log(String plugin, Level level, String message);

  enum Level {
    TRACE,
    DEBUG,
    INFO,
    WARN,
    ERROR
  }

  /** Logs through SLF4J under {@code dev.ltb.plugin.<name>}. */
  static PluginLogSink slf4j() {
    return (plugin, level, message) -> {
      Logger logger = LoggerFactory.getLogger("dev.ltb.plugin." + plugin);
      switch (level) {
        case TRACE -> logger.trace(message);
        case DEBUG -> logger.debug(message);
        case INFO -> logger.info(message);
        case WARN -> logger.warn(message);
        case ERROR -> logger.error(message);
      }
    };
  }
}
