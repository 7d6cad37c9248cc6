package dev.ltb.pipeline;

import dev.ltb.run.RunHistory;

/**
 * Port: the run history of one tenant. Every read and write of the returned history stays inside that
 * tenant (in DynamoDB the partition key starts with {@code TENANT#<id>}), so no step can reach another
 * tenant's run by id.
 */
@FunctionalInterface
public interface RunHistories {
  RunHistory forTenant(String tenantId);
}
