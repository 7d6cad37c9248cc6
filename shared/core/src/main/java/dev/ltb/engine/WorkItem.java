package dev.ltb.engine;

/**
 * One call to make: a test × prompt × provider × repeat. The id is stable for a given suite, so a resumed
 * or redelivered shard recognises items it already finished.
 */
public record WorkItem(String id, int testIndex, int promptIndex, int providerIndex, int repeatIndex) {

  public WorkItem {
    if (testIndex < 0 || promptIndex < 0 || providerIndex < 0 || repeatIndex < 0)
      throw new IllegalArgumentException("work item indexes must be >= 0");
  }

  public static WorkItem of(int testIndex, int promptIndex, int providerIndex, int repeatIndex) {
    return new WorkItem(
        idOf(testIndex, promptIndex, providerIndex, repeatIndex), testIndex, promptIndex, providerIndex, repeatIndex);
  }

  /** {@code t000042-p0-m1-r0}: sorts by test, then prompt, provider and repeat. */
  public static String idOf(int testIndex, int promptIndex, int providerIndex, int repeatIndex) {
    return "t%06d-p%d-m%d-r%d".formatted(testIndex, promptIndex, providerIndex, repeatIndex);
  }
}
