#!/bin/bash
# LocalStack init hook (runs inside the container once LocalStack is ready): the resources the project's
# adapters expect by default, mirroring dev.ltb.aws.dynamodb.TableDefinitions and the CDK stack:
#   DynamoDB  ltb-runs   (pk, sk; GSI runsByCreatedAt on pk + createdKey)   LTB_TABLE
#             ltb-events (pk, sk)                                         LTB_EVENTS_TABLE
#   S3        ltb-data                                                    LTB_BUCKET
#   SQS       ltb-shards, with ltb-shards-dlq after 3 receives (visibility 900 s, a worker's longest shard)
# Idempotent: every step tolerates "already exists", so restarts and re-runs are safe.
set -euo pipefail

create_table() {
  awslocal dynamodb describe-table --table-name "$1" >/dev/null 2>&1 && return 0
  awslocal dynamodb create-table --table-name "$@" --billing-mode PAY_PER_REQUEST >/dev/null
  awslocal dynamodb wait table-exists --table-name "$1"
}

create_table ltb-runs \
  --attribute-definitions AttributeName=pk,AttributeType=S AttributeName=sk,AttributeType=S AttributeName=createdKey,AttributeType=S \
  --key-schema AttributeName=pk,KeyType=HASH AttributeName=sk,KeyType=RANGE \
  --global-secondary-indexes 'IndexName=runsByCreatedAt,KeySchema=[{AttributeName=pk,KeyType=HASH},{AttributeName=createdKey,KeyType=RANGE}],Projection={ProjectionType=ALL}'
create_table ltb-events \
  --attribute-definitions AttributeName=pk,AttributeType=S AttributeName=sk,AttributeType=S \
  --key-schema AttributeName=pk,KeyType=HASH AttributeName=sk,KeyType=RANGE

awslocal s3api head-bucket --bucket ltb-data >/dev/null 2>&1 || awslocal s3 mb s3://ltb-data >/dev/null

dlq_url=$(awslocal sqs create-queue --queue-name ltb-shards-dlq --query QueueUrl --output text)
dlq_arn=$(awslocal sqs get-queue-attributes --queue-url "$dlq_url" --attribute-names QueueArn --query Attributes.QueueArn --output text)
awslocal sqs create-queue --queue-name ltb-shards --attributes "{\"VisibilityTimeout\":\"900\",\"RedrivePolicy\":\"{\\\"deadLetterTargetArn\\\":\\\"$dlq_arn\\\",\\\"maxReceiveCount\\\":\\\"3\\\"}\"}" >/dev/null

echo "ltb: tables ltb-runs, ltb-events; bucket ltb-data; queues ltb-shards -> ltb-shards-dlq ready"
