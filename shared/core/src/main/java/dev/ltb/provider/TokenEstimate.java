package dev.ltb.provider;

/**
 * A rough token count for providers that have no tokenizer ({@code echo}, {@code scripted}): one token per
 * four characters, the rule of thumb vendors give for English text with BPE tokenizers.
 */
public final class TokenEstimate {

  private TokenEstimate() {}

  public static long of(String text) {
    if (text == null || text.isEmpty()) return 0;
    long characters = text.codePointCount(0, text.length());
    return (characters + 3) / 4;
  }
}
