package dev.ltb.aws;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class AwsArchitectureTest {

  private final JavaClasses adapter =
      // This module's own classes only: scanning the whole test classpath (the local cloud's jars) for the
      // package takes minutes.
      new ClassFileImporter().importPath(Path.of("target/classes"));

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

  @Test
  void theApacheHttpClientStaysOutOfTheFunctions() {
    // AwsClients uses the URL-connection client; Apache HTTP would only add cold-start time and jar size.
    assertThatThrownBy(() -> Class.forName("software.amazon.awssdk.http.apache.ApacheHttpClient"))
        .isInstanceOf(ClassNotFoundException.class);
  }
}
