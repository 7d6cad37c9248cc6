package dev.ltb.cli;

/** Entry point of the {@code ltb} command (filled in by the CLI work). */
public final class Ltb {
  private Ltb() {}

  public static void main(String[] args) {
    System.exit(0);
  }
}
