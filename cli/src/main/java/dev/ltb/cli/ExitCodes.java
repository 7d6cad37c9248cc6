package dev.ltb.cli;

/** The process exit codes, documented in {@code ltb --help} and docs/cli.md. */
public final class ExitCodes {
  public static final int OK = 0;
  public static final int TESTS_FAILED = 1;
  public static final int INVALID_INPUT = 2;
  public static final int RUN_FAILED = 3;

  private ExitCodes() {}
}
