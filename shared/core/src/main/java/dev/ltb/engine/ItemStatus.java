package dev.ltb.engine;

/** PASS and FAIL are verdicts on an output; ERROR means no output could be judged (provider failed). */
public enum ItemStatus {
  PASS,
  FAIL,
  ERROR
}
