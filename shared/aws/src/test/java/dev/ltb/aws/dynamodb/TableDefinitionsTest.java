package dev.ltb.aws.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ltb.aws.LocalAws;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

class TableDefinitionsTest {

  @RegisterExtension static LocalAws aws = new LocalAws();

  @Test
  void createsOnDemandTablesWithTheRunsIndexAndToleratesExistingOnes() {
    LocalAws.Tables tables = aws.newTables();
    TableDefinitions.createTables(aws.clients().dynamoDb(), tables.runs(), tables.events());

    TableDescription runs = aws.clients().dynamoDb().describeTable(request -> request.tableName(tables.runs())).table();
    assertThat(runs.billingModeSummary().billingMode()).isEqualTo(BillingMode.PAY_PER_REQUEST);
    assertThat(runs.keySchema()).extracting(key -> key.attributeName() + ":" + key.keyTypeAsString())
        .containsExactly("pk:HASH", "sk:RANGE");
    assertThat(runs.globalSecondaryIndexes()).singleElement().satisfies(index -> {
      assertThat(index.indexName()).isEqualTo("runsByCreatedAt");
      assertThat(index.keySchema()).extracting(key -> key.attributeName() + ":" + key.keyTypeAsString())
          .containsExactly("pk:HASH", "createdKey:RANGE");
      assertThat(index.projection().projectionType()).isEqualTo(ProjectionType.ALL);
    });
    TableDescription events = aws.clients().dynamoDb().describeTable(request -> request.tableName(tables.events())).table();
    assertThat(events.globalSecondaryIndexes()).isEmpty();
  }
}
