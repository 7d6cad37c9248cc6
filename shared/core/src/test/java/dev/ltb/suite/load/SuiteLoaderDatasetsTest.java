package dev.ltb.suite.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ltb.dataset.Dataset;
import dev.ltb.dataset.DatasetFormat;
import dev.ltb.dataset.DatasetRef;
import dev.ltb.dataset.DatasetVersion;
import dev.ltb.dataset.TenantDatasets;
import dev.ltb.suite.Suite;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code tests: dataset://...}: read through the tenant's datasets in the cloud, refused with advice locally. */
class SuiteLoaderDatasetsTest {

  private static final String SHA = "a".repeat(64);
  private static final String YAML_ROWS = "- vars: {city: Paris}\n- vars: {city: Rome}\n  assert: [{type: contains, value: Rome}]\n";

  private final SuiteLoader loader = TestVocabulary.loader();

  private final TenantDatasets oneDataset = ref -> ref.name().equals("cities") && (!ref.pinned() || ref.sha256().equals(SHA))
      ? Optional.of(new Dataset(DatasetVersion.registered("cities", SHA, DatasetFormat.YAML, 10, Instant.EPOCH)
          .ready(2, Instant.EPOCH), YAML_ROWS))
      : Optional.empty();

  @Test
  void aDatasetsRowsAreTheSuitesTestsBesideInlineOnesAndThePinIsRecorded() {
    Suite suite = loader.withDatasets(oneDataset).parse(
        "prompts: [\"{{city}}\"]\nproviders: [echo]\ntests:\n  - dataset://cities\n  - vars: {city: Oslo}\n",
        "suite.yaml", null);

    assertThat(suite.tests()).extracting(t -> t.vars().get("city")).containsExactly("Paris", "Rome", "Oslo");
    assertThat(suite.tests().get(1).asserts()).hasSize(1);
    assertThat(suite.datasets()).singleElement()
        .satisfies(pin -> assertThat(pin.pinned()).isEqualTo("dataset://cities@sha256:" + SHA));
  }

  @Test
  void anUnknownDatasetOrPinIsAProblemAtTheReference() {
    assertThatThrownBy(() -> loader.withDatasets(oneDataset).parse(
            "prompts: [p]\nproviders: [echo]\ntests: dataset://cities@sha256:" + "b".repeat(64) + "\n", "suite.yaml", null))
        .isInstanceOf(SuiteValidationException.class)
        .hasMessageContaining("suite.yaml:3:8: tests: no ready dataset dataset://cities@sha256:" + "b".repeat(64));
    assertThatThrownBy(() -> loader.withDatasets(oneDataset).parse(
            "prompts: [p]\nproviders: [echo]\ntests: dataset://Cities@latest\n", "suite.yaml", null))
        .hasMessageContaining("dataset://<name>@sha256:<64 hex digits>");
  }

  @Test
  void theLocalLoaderRefusesADatasetReferenceAndSaysToNameTheFile() {
    assertThatThrownBy(() -> loader.parse("prompts: [p]\nproviders: [echo]\ntests: dataset://cities\n", "suite.yaml", null))
        .isInstanceOf(SuiteValidationException.class)
        .hasMessageContaining("tests: dataset://cities names a dataset uploaded to a deployed stack")
        .hasMessageContaining("tests: file://tests.csv");
  }

  @Test
  void anyOtherSchemeIsRefusedNamingBothKinds() {
    assertThatThrownBy(() -> loader.parse("prompts: [p]\nproviders: [echo]\ntests: s3://bucket/x.csv\n", "suite.yaml", null))
        .hasMessageContaining("file://tests.csv").hasMessageContaining("dataset://capital-cities");
  }

  @Test
  void countingTestsUsesTheSameReadersAndReportsLines() {
    assertThat(loader.countTests("cities.yaml", DatasetFormat.YAML, YAML_ROWS)).isEqualTo(2);
    assertThat(loader.countTests("cities.csv", DatasetFormat.CSV, "city\nParis\nRome\nOslo\n")).isEqualTo(3);
    assertThatThrownBy(() -> loader.countTests("cities.csv", DatasetFormat.CSV, "city,__expected\nParis,contians:x\n"))
        .isInstanceOf(SuiteValidationException.class)
        .hasMessageStartingWith("cities.csv:2:");
  }
}
