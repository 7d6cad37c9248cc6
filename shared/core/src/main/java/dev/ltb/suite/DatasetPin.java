package dev.ltb.suite;

/**
 * An uploaded dataset a suite's tests were read from, pinned to the version used ({@code dataset://name} resolves
 * to the newest ready version when the run is planned; the pin records which one that was).
 *
 * @param reference as the suite wrote it
 * @param sha256 the version read
 * @param rows how many test cases it gave
 */
public record DatasetPin(String reference, String name, String sha256, int rows) {

  /** {@code dataset://name@sha256:...}: the reference that reads exactly this version again. */
  public String pinned() {
    return "dataset://" + name + "@sha256:" + sha256;
  }
}
