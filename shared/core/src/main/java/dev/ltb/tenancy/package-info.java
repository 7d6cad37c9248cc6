/**
 * Tenants as the service sells them: strictly validated ids (they become DynamoDB keys, S3 prefixes and IAM
 * conditions), plans with their limits, the {@link dev.ltb.tenancy.QuotaGuard} that admits or refuses a run, and
 * the cursor pages every tenant-scoped query returns. Runtime-neutral: the AWS adapters implement the ports.
 */
package dev.ltb.tenancy;
