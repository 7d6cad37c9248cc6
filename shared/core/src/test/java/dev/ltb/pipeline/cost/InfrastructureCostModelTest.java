package dev.ltb.pipeline.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class InfrastructureCostModelTest {

  private static final double CENT_FRACTION = 1e-12;

  @Test
  void pricesAWorkedExampleServiceByService() {
    // 1,000 items in 10 shards of 100; every figure below is worked out by hand in docs/aws-adapters.md.
    PipelineWorkload workload = new PipelineWorkload(1_000, 100, 10, 1_024, 4, 512, 2, 3, 10, 3, 2, 1, 1, 1, 3, 2);

    InfrastructureCost cost = InfrastructureCostModel.estimate(workload, AwsPriceList.US_EAST_1);

    // Step Functions: (10 shards x 3 + 10) transitions x $0.000025
    assertThat(cost.perRunUsd().get(AwsService.STEP_FUNCTIONS)).isCloseTo(0.001, within(CENT_FRACTION));
    // Lambda: (10 x 10 s x 1 GB + 4 s x 0.5 GB) = 102 GB-s x $0.0000166667, plus 12 requests x $0.0000002
    assertThat(cost.perRunUsd().get(AwsService.LAMBDA)).isCloseTo(0.001_700_003_4 + 0.000_002_4, within(CENT_FRACTION));
    // SQS: 30 requests x $0.0000004
    assertThat(cost.perRunUsd().get(AwsService.SQS)).isCloseTo(0.000_012, within(CENT_FRACTION));
    // DynamoDB: (1,000 x 2 + 10) write units x $0.000000625 + 1,000 read units x $0.000000125
    assertThat(cost.perRunUsd().get(AwsService.DYNAMODB)).isCloseTo(0.001_256_25 + 0.000_125, within(CENT_FRACTION));
    // S3: 3 PUTs x $0.000005 + (10 + 2) GETs x $0.0000004
    assertThat(cost.perRunUsd().get(AwsService.S3)).isCloseTo(0.000_015 + 0.000_004_8, within(CENT_FRACTION));

    assertThat(cost.perRun()).isCloseTo(0.004_115_453_4, within(CENT_FRACTION));
    assertThat(cost.perThousandItems()).isCloseTo(0.004_115_453_4, within(CENT_FRACTION));
    assertThat(cost.perMillionItems()).isCloseTo(4.115_453_4, within(1e-9));
    assertThat(cost.perMillionItems(AwsService.DYNAMODB)).isCloseTo(1.381_25, within(1e-9));
  }

  @Test
  void thePlanningDefaultsStayUnderFiveDollarsPerMillionItems() {
    InfrastructureCost cost = InfrastructureCostModel.estimate(PipelineWorkload.planningDefaults(), AwsPriceList.US_EAST_1);

    assertThat(cost.perMillionItems()).isCloseTo(4.55, within(0.01)).isLessThan(5.0);
    assertThat(cost.perThousandItems()).isCloseTo(cost.perMillionItems() / 1_000, within(1e-15));
    // DynamoDB writes are the largest share, then the worker's GB-seconds, then state transitions.
    assertThat(cost.perMillionItems(AwsService.DYNAMODB)).isCloseTo(2.0125, within(1e-9));
    assertThat(cost.perMillionItems(AwsService.LAMBDA)).isCloseTo(1.400_136_125, within(1e-9));
    assertThat(cost.perMillionItems(AwsService.STEP_FUNCTIONS)).isCloseTo(1.10, within(1e-9));
  }

  @Test
  void aPartlyFilledLastShardCostsAWholeShard() {
    PipelineWorkload workload = PipelineWorkload.planningDefaults().withShape(101, 50);

    assertThat(workload.shardsPerRun()).isEqualTo(3);
    InfrastructureCost cost = InfrastructureCostModel.estimate(workload, AwsPriceList.US_EAST_1);
    assertThat(cost.perRunUsd().get(AwsService.SQS)).isCloseTo(3 * 3 * 0.000_000_4, within(CENT_FRACTION));
  }

  @Test
  void smallerShardsCostMoreTransitionsPerItem() {
    PipelineWorkload defaults = PipelineWorkload.planningDefaults();
    double fifty = InfrastructureCostModel.estimate(defaults, AwsPriceList.US_EAST_1).perMillionItems(AwsService.STEP_FUNCTIONS);
    double ten =
        InfrastructureCostModel.estimate(defaults.withShape(2_000, 10), AwsPriceList.US_EAST_1)
            .perMillionItems(AwsService.STEP_FUNCTIONS);

    assertThat(ten).isGreaterThan(4 * fifty);
  }

  @Test
  void statesWhenAndWhereThePricesWereChecked() {
    assertThat(AwsPriceList.US_EAST_1.region()).isEqualTo("us-east-1");
    assertThat(AwsPriceList.US_EAST_1.checkedOn()).isEqualTo(LocalDate.of(2026, 11, 28));
    assertThat(AwsPriceList.US_EAST_1.perStateTransition()).isEqualTo(0.000_025);
  }

  @Test
  void rejectsImpossibleWorkloads() {
    assertThatThrownBy(() -> PipelineWorkload.planningDefaults().withShape(0, 50))
        .hasMessage("itemsPerRun must be >= 1, was 0");
    assertThatThrownBy(() -> PipelineWorkload.planningDefaults().withWorker(-1, 512))
        .hasMessage("usage figures must be finite and >= 0, got -1.0");
    assertThatThrownBy(() -> PipelineWorkload.planningDefaults().withWorker(8, 64))
        .hasMessage("Lambda memory is at least 128 MB");
  }
}
