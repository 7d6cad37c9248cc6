package dev.ltb.rest;

import dev.ltb.api.ApiServices;
import io.quarkus.arc.profile.UnlessBuildProfile;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The use cases over the AWS adapters, built once per container. Not yet complete: the DynamoDB suite store and
 * idempotency keys, the Step Functions launcher and the webhook registry are not written, so the deployed app
 * refuses to start with this message rather than answer from a store that does not exist.
 */
@Singleton
@UnlessBuildProfile("test")
public class AwsApiBeans {

  @Produces
  @Singleton
  ApiServices services() {
    throw new IllegalStateException(
        "functions-rest: the AWS ports of dev.ltb.api (SuiteStore, IdempotencyKeys, RunLauncher, WebhookRegistry,"
            + " ProviderCredentialStore) have no adapters yet; see docs/api/rest.md, 'Status'");
  }
}
