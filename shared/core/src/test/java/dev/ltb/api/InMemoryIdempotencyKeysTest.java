package dev.ltb.api;

import dev.ltb.testkit.IdempotencyKeysContract;

class InMemoryIdempotencyKeysTest extends IdempotencyKeysContract {

  private final InMemoryIdempotencyKeys keys = new InMemoryIdempotencyKeys();

  @Override
  protected IdempotencyKeys keys() {
    return keys;
  }
}
