package dev.ltb.localcloud.asl;

import java.nio.file.Path;
import java.util.List;

/**
 * The verdict on one Amazon States Language file: {@code validatorErrors} from asl-validator (the language's
 * schemas, JSONPath and ARN syntax), {@code unsupported} from the local cloud's guard (constructs the local
 * executor would ignore or cannot serve: JSONata, variables, the optimized {@code lambda:invoke} integration,
 * Distributed Map's ItemReader/ItemBatcher/ResultWriter/tolerated failures, task resources other than plain
 * Lambda ARNs and SQS sendMessage).
 */
public record AslReport(Path file, boolean valid, List<String> validatorErrors, List<String> unsupported) {

  public AslReport {
    validatorErrors = List.copyOf(validatorErrors);
    unsupported = List.copyOf(unsupported);
  }

  /** Throws with every problem listed unless the file passed both checks. */
  public AslReport assertValid() {
    if (!valid) {
      throw new IllegalStateException(file + " fails the ASL checks:\n"
          + String.join("\n", validatorErrors.stream().map(e -> "  asl-validator: " + e).toList())
          + (validatorErrors.isEmpty() ? "" : "\n")
          + String.join("\n", unsupported.stream().map(e -> "  local cloud: " + e).toList()));
    }
    return this;
  }
}
