package dev.ltb.aws;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class AwsArchitectureTest {

  private final JavaClasses adapter =
      new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.ltb.aws");

  @Test
  void bedrockWireMappingStaysInsideTheBedrockPackage() {
    noClasses()
        .that()
        .resideOutsideOfPackage("dev.ltb.aws.bedrock..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("dev.ltb.aws.bedrock.internal..")
        .because("SDK request and response mapping never leaks out of its provider (STYLE.md rule 6)")
        .check(adapter);
  }

  @Test
  void dynamoDbItemsStayInsideTheDynamoDbPackage() {
    noClasses()
        .that()
        .resideOutsideOfPackage("dev.ltb.aws.dynamodb..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("dev.ltb.aws.dynamodb.internal..")
        .because("DynamoDB items are mapped inside their adapter; others see the core's records (STYLE.md rule 6)")
        .check(adapter);
  }
}
