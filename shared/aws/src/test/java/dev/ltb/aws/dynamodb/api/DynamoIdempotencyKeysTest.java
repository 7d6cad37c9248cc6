package dev.ltb.aws.dynamodb.api;

import dev.ltb.api.IdempotencyKeys;
import dev.ltb.aws.LocalAws;
import dev.ltb.testkit.IdempotencyKeysContract;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The idempotency contract against dynalite: claims are conditional writes, the lease compared in the condition. */
@Tag("slow")
class DynamoIdempotencyKeysTest extends IdempotencyKeysContract {

  @RegisterExtension static LocalAws aws = new LocalAws();

  private static DynamoIdempotencyKeys keys;

  @BeforeAll
  static void table() {
    keys = new DynamoIdempotencyKeys(aws.clients().dynamoDb(), aws.newTables().runs());
  }

  @Override
  protected IdempotencyKeys keys() {
    return keys;
  }
}
