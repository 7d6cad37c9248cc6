package dev.ltb.aws.dynamodb.internal;

import dev.ltb.aws.AwsStorageException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/** Turns SDK failures into messages that say which table and what to check. */
public final class DynamoErrors {

  private DynamoErrors() {}

  public static AwsStorageException failure(String action, String table, SdkException e) {
    String hint =
        switch (e) {
          case ResourceNotFoundException ignored ->
              "the table (or its index) does not exist: create it (TableDefinitions) or point the variable at it";
          case DynamoDbException dynamo when dynamo.statusCode() == 400
                  && dynamo.awsErrorDetails() != null
                  && "AccessDeniedException".equals(dynamo.awsErrorDetails().errorCode()) ->
              "access denied: the function's role needs DynamoDB access to " + table;
          default -> e.getMessage();
        };
    return new AwsStorageException("Cannot " + action + " in DynamoDB table " + table + ": " + hint, e);
  }
}
