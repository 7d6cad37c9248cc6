package dev.ltb.evaluator.judge;

import dev.ltb.provider.TokenUsage;

/**
 * What a judge answered.
 *
 * @param text the reply
 * @param usage the tokens the call spent; none when the answer was remembered from earlier in the
 *     run
 * @param costUsd what the call cost, or null when the grader reports no price
 * @param remembered true when the same question had been asked before in this run
 */
record JudgeReply(String text, TokenUsage usage, Double costUsd, boolean remembered) {

  JudgeReply asRemembered() {
    return new JudgeReply(text, TokenUsage.NONE, 0.0, true);
  }
}
