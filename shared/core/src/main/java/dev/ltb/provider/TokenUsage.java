package dev.ltb.provider;

/** Tokens a call consumed, as the vendor reported them. */
public record TokenUsage(long input, long output, long cached) {

  public static final TokenUsage NONE = new TokenUsage(0, 0, 0);

  public TokenUsage {
    if (input < 0 || output < 0 || cached < 0) throw new IllegalArgumentException("token counts must be >= 0");
  }

  public TokenUsage(long input, long output) {
    this(input, output, 0);
  }

  public long total() {
    return input + output;
  }

  public TokenUsage plus(TokenUsage other) {
    return new TokenUsage(input + other.input, output + other.output, cached + other.cached);
  }
}
