package dev.ltb.cdk.construct;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The state machine file as deployed: its {@code ${Key}} placeholders must each have a substitution, or
 * the synth fails naming the missing keys (CloudFormation would otherwise deploy a definition with a
 * literal {@code ${Key}} in a Resource and fail at run time).
 */
public final class AslDefinition {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_]+)}");

  private final Path file;
  private final Set<String> placeholders;

  private AslDefinition(Path file, Set<String> placeholders) {
    this.file = file;
    this.placeholders = placeholders;
  }

  public static AslDefinition read(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalStateException(
          "State machine definition " + file + " does not exist (context 'stateMachineDefinition' overrides the path)");
    }
    try {
      String text = Files.readString(file);
      Set<String> keys = new TreeSet<>();
      Matcher matcher = PLACEHOLDER.matcher(text);
      while (matcher.find()) keys.add(matcher.group(1));
      return new AslDefinition(file, Set.copyOf(keys));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read state machine definition " + file, e);
    }
  }

  public Path file() {
    return file;
  }

  public Set<String> placeholders() {
    return placeholders;
  }

  /** The substitutions the file uses; fails when the file uses a key that has no value. */
  public Map<String, String> substitutionsFrom(Map<String, String> available) {
    Set<String> missing = new TreeSet<>(placeholders);
    missing.removeAll(available.keySet());
    if (!missing.isEmpty()) {
      throw new IllegalStateException(
          file + " uses placeholders with no substitution: " + missing + "; the CDK app provides " + new TreeSet<>(available.keySet()));
    }
    Map<String, String> used = new java.util.TreeMap<>();
    placeholders.forEach(key -> used.put(key, available.get(key)));
    return used;
  }
}
