package dev.ltb.aws.secrets;

import dev.ltb.aws.AwsStorageException;
import dev.ltb.security.SecretValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.FilterNameStringType;
import software.amazon.awssdk.services.secretsmanager.model.ListSecretsResponse;
import software.amazon.awssdk.services.secretsmanager.model.ResourceExistsException;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;

/**
 * Writes secrets into Secrets Manager for the API (tenant provider credentials, webhook signing secrets): create
 * or overwrite, delete at once (no recovery window, so a name can be reused right away) and list names under a
 * prefix. Reading values stays with {@link PowertoolsSecretResolver}. Errors name the secret, never its value.
 */
public final class SecretsManagerSecrets {

  /** A stored secret's name and when it last changed. */
  public record Entry(String name, Instant updatedAt) {}

  private final SecretsManagerClient client;

  public SecretsManagerSecrets(SecretsManagerClient client) {
    this.client = Objects.requireNonNull(client, "client");
  }

  /** Creates the secret, or stores a new current value when it exists. */
  public void put(String name, SecretValue value) {
    try {
      try {
        client.createSecret(create -> create.name(name).secretString(value.reveal()));
      } catch (ResourceExistsException e) {
        client.putSecretValue(put -> put.secretId(name).secretString(value.reveal()));
      }
    } catch (SdkException e) {
      throw failure("store", name, e);
    }
  }

  /** Deletes the secret without a recovery window; false when there was none. */
  public boolean delete(String name) {
    try {
      client.deleteSecret(delete -> delete.secretId(name).forceDeleteWithoutRecovery(true));
      return true;
    } catch (ResourceNotFoundException e) {
      return false;
    } catch (SdkException e) {
      throw failure("delete", name, e);
    }
  }

  /** The secrets whose names start with {@code prefix}, every page. */
  public List<Entry> list(String prefix) {
    List<Entry> found = new ArrayList<>();
    String token = null;
    try {
      do {
        String next = token;
        ListSecretsResponse page = client.listSecrets(list -> list
            .filters(filter -> filter.key(FilterNameStringType.NAME).values(prefix)).nextToken(next));
        for (var secret : page.secretList()) {
          if (secret.name() == null || !secret.name().startsWith(prefix)) continue; // the filter is a prefix match
          Instant updated = secret.lastChangedDate() != null ? secret.lastChangedDate() : secret.createdDate();
          found.add(new Entry(secret.name(), updated));
        }
        token = page.nextToken();
      } while (token != null && !token.isEmpty());
    } catch (SdkException e) {
      throw failure("list", prefix + "*", e);
    }
    return found;
  }

  private static AwsStorageException failure(String action, String name, SdkException e) {
    return new AwsStorageException("Cannot " + action + " the secret " + name + " in Secrets Manager: "
        + e.getClass().getSimpleName(), e);
  }
}
