package dev.ltb.pipeline.cost;

import java.time.LocalDate;
import java.util.Objects;

/**
 * On-demand list prices, in USD per unit, of the AWS services a distributed run uses. Free tiers and
 * volume discounts are left out, so estimates err on the high side.
 *
 * @param region the region the prices are for
 * @param checkedOn when the prices were checked against the sources
 * @param source where they were read
 * @param perStateTransition Step Functions standard workflows, per state transition
 * @param perLambdaGbSecond Lambda duration (x86), per GB-second
 * @param perLambdaRequest Lambda, per invocation
 * @param perSqsRequest SQS standard queue, per request (each 64 KB chunk of a payload is one request)
 * @param perDynamoDbWriteUnit DynamoDB on-demand, per write request unit (1 KB of item, standard write)
 * @param perDynamoDbReadUnit DynamoDB on-demand, per read request unit (4 KB strongly consistent)
 * @param perS3PutRequest S3 Standard, per PUT/COPY/POST/LIST request
 * @param perS3GetRequest S3 Standard, per GET/SELECT request
 */
public record AwsPriceList(
    String region,
    LocalDate checkedOn,
    String source,
    double perStateTransition,
    double perLambdaGbSecond,
    double perLambdaRequest,
    double perSqsRequest,
    double perDynamoDbWriteUnit,
    double perDynamoDbReadUnit,
    double perS3PutRequest,
    double perS3GetRequest) {

  /**
   * us-east-1 list prices, checked on 2026-11-28 against the AWS pricing pages (step-functions/pricing,
   * lambda/pricing, sqs/pricing, dynamodb/pricing/on-demand, s3/pricing): Step Functions standard $0.025 per
   * 1,000 transitions; Lambda x86 $0.0000166667 per GB-s and $0.20 per million requests; SQS standard $0.40
   * per million requests; DynamoDB on-demand $0.625 per million write and $0.125 per million read request
   * units (the prices since the cut of 2024-11-01); S3 Standard $0.005 per 1,000 PUT and $0.0004 per 1,000
   * GET requests.
   */
  public static final AwsPriceList US_EAST_1 =
      new AwsPriceList(
          "us-east-1",
          LocalDate.of(2026, 11, 28),
          "aws.amazon.com pricing pages of Step Functions, Lambda, SQS, DynamoDB (on-demand) and S3",
          0.025 / 1_000,
          0.000_016_666_7,
          0.20 / 1_000_000,
          0.40 / 1_000_000,
          0.625 / 1_000_000,
          0.125 / 1_000_000,
          0.005 / 1_000,
          0.000_4 / 1_000);

  public AwsPriceList {
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(checkedOn, "checkedOn");
    Objects.requireNonNull(source, "source");
    for (double price :
        new double[] {
          perStateTransition, perLambdaGbSecond, perLambdaRequest, perSqsRequest, perDynamoDbWriteUnit,
          perDynamoDbReadUnit, perS3PutRequest, perS3GetRequest
        }) {
      if (!(price >= 0) || Double.isInfinite(price))
        throw new IllegalArgumentException("prices must be finite and >= 0, got " + price);
    }
  }
}
