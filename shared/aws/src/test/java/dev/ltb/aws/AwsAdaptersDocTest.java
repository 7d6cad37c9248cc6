package dev.ltb.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ltb.pipeline.cost.AwsPriceList;
import dev.ltb.pipeline.cost.AwsService;
import dev.ltb.pipeline.cost.InfrastructureCost;
import dev.ltb.pipeline.cost.InfrastructureCostModel;
import dev.ltb.pipeline.cost.PipelineWorkload;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** docs/aws-adapters.md says what the code does: its variables and its cost figures. */
class AwsAdaptersDocTest {

  private static final Path DOC = Path.of("../../docs/aws-adapters.md");

  private static String doc() throws IOException {
    return Files.readString(DOC);
  }

  @Test
  void documentsEveryEnvironmentVariableTheAdaptersRead() throws IOException {
    String doc = doc();
    String[] variables =
        Arrays.stream(AwsSettings.class.getFields())
            .filter(field -> Modifier.isStatic(field.getModifiers()) && field.getType() == String.class)
            .map(AwsAdaptersDocTest::value)
            .filter(value -> value.startsWith("LTB_"))
            .toArray(String[]::new);

    assertThat(variables).hasSize(14);
    for (String variable : variables) assertThat(doc).contains("| `" + variable + "` |");
  }

  @Test
  void theCostTableIsWhatTheModelComputesForThePlanningDefaults() throws IOException {
    InfrastructureCost cost = InfrastructureCostModel.estimate(PipelineWorkload.planningDefaults(), AwsPriceList.US_EAST_1);
    Map<AwsService, String> names =
        Map.of(
            AwsService.STEP_FUNCTIONS, "Step Functions",
            AwsService.LAMBDA, "Lambda",
            AwsService.SQS, "SQS",
            AwsService.DYNAMODB, "DynamoDB",
            AwsService.S3, "S3");
    String doc = doc();

    names.forEach(
        (service, name) -> assertThat(doc).contains("| " + name + " | " + dollars(cost.perMillionItems(service)) + " |"));
    assertThat(doc)
        .contains("| **total** | **" + dollars(cost.perMillionItems()) + "** (per 1,000 items: $"
            + String.format(Locale.ROOT, "%.4f", cost.perThousandItems()) + ") |")
        .contains("**us-east-1, checked " + AwsPriceList.US_EAST_1.checkedOn() + "**");
  }

  private static String dollars(double amount) {
    return String.format(Locale.ROOT, "$%.2f", amount);
  }

  private static String value(Field field) {
    try {
      return (String) field.get(null);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }
}
