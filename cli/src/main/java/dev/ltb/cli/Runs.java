package dev.ltb.cli;

import dev.ltb.run.RunHistory;
import dev.ltb.run.RunRecord;

/** Looks up a run for a command, with the message a user needs when it is not there. */
final class Runs {
  private Runs() {}

  static RunRecord find(RunHistory history, String idOrPrefix) {
    try {
      return history
          .find(idOrPrefix)
          .orElseThrow(() -> new UserInputException("No run \"" + idOrPrefix + "\" in the history. List runs with: ltb list"));
    } catch (IllegalArgumentException ambiguous) {
      throw new UserInputException(ambiguous.getMessage());
    }
  }
}
