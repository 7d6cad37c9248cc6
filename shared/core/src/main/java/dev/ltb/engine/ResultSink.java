package dev.ltb.engine;

/**
 * Receives each item result the moment it exists. Called concurrently from the engine's threads;
 * implementations are thread-safe and must not keep every result of a run in memory.
 */
@FunctionalInterface
public interface ResultSink {
  void accept(ItemResult result);

  default ResultSink andThen(ResultSink next) {
    return result -> {
      accept(result);
      next.accept(result);
    };
  }
}
