package dev.ltb.suite.load;

/** A 1-based line and column in a source file. */
record SourceLocation(int line, int column) {

  static final SourceLocation START = new SourceLocation(1, 1);
}
