package dev.ltb.rest;

import dev.ltb.api.DatasetService;
import dev.ltb.aws.AwsAdapters;
import dev.ltb.aws.dynamodb.tenancy.DynamoTenancyStores;
import io.quarkus.arc.profile.UnlessBuildProfile;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * The dataset store over S3 (files and version records under {@code tenants/<id>/datasets/}, uploads by presigned
 * URL), validated with the suite loader the API and the plan step use, so a ready dataset is one a run can read.
 */
@Singleton
@UnlessBuildProfile("test")
public class DatasetBeans {

  @Produces
  @Singleton
  DatasetService datasets(AwsAdapters aws) {
    DynamoTenancyStores stores = new DynamoTenancyStores(aws.clients().dynamoDb(), aws.settings().table());
    return DatasetService.wire(
        aws.blobStore(), aws.uploadUrls(), AwsApiBeans.suiteLoader(AwsApiBeans.providers()), stores.auditLog(), Clock.systemUTC());
  }
}
