package dev.ltb.cli;

/** A mistake in what the user asked for (unknown run, bad output path); exit code 2. */
final class UserInputException extends RuntimeException {
  UserInputException(String message) {
    super(message);
  }
}
