package dev.ltb.cli;

/** Whether standard output is an interactive terminal (progress bars) or a file/pipe (plain lines). */
final class Terminal {

  private Terminal() {}

  static boolean isInteractive() {
    if (System.getenv("CI") != null) return false;
    java.io.Console console = System.console();
    if (console == null) return false;
    try {
      // JDK 22+ returns a Console even when redirected; isTerminal() tells the truth there.
      return (boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
    } catch (ReflectiveOperationException e) {
      return true; // JDK 21: a non-null console is a terminal
    }
  }
}
