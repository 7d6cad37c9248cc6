package dev.ltb.provider;

import java.util.Objects;

/**
 * The log probability the model gave one output token (natural log, so always {@code <= 0}).
 *
 * @param token the token's text
 * @param logprob its log probability
 */
public record TokenLogprob(String token, double logprob) {
  public TokenLogprob {
    Objects.requireNonNull(token, "token");
  }
}
