package dev.ltb.webhook;

import com.fasterxml.jackson.core.JsonPointer;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One suite variable taken from the payload: the value at a JSON Pointer (RFC 6901), optionally with a prefix
 * removed (e.g. {@code refs/heads/} from a push's {@code ref}).
 *
 * @param var the suite variable, e.g. {@code commit}
 * @param pointer where in the payload, e.g. {@code /after}
 * @param stripPrefix removed from the start of the value when present, or null
 * @param required whether a payload without it is refused (400) rather than mapped without the variable
 */
public record VarMapping(String var, String pointer, String stripPrefix, boolean required) {

  private static final Pattern VAR = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");

  public VarMapping {
    if (var == null || !VAR.matcher(var).matches())
      throw new IllegalArgumentException("variable name must be an identifier of up to 64 characters");
    Objects.requireNonNull(pointer, "pointer");
    try {
      JsonPointer.compile(pointer);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("'" + pointer + "' for variable " + var + " is not a JSON Pointer", e);
    }
  }

  public static VarMapping required(String var, String pointer) {
    return new VarMapping(var, pointer, null, true);
  }

  public static VarMapping optional(String var, String pointer) {
    return new VarMapping(var, pointer, null, false);
  }

  public VarMapping stripping(String prefix) {
    return new VarMapping(var, pointer, prefix, required);
  }
}
