/**
 * DynamoDB adapters of the tenancy, security, audit, usage and webhook ports, in the runs table
 * ({@code LTB_TABLE}) under the single-table conventions of {@code dev.ltb.aws.dynamodb}: string keys {@code pk} and
 * {@code sk}, every tenant item under {@code pk = TENANT#<tenant>}, conditional writes for idempotency, no
 * transactions, TTL or PartiQL. They use the low-level client: {@code ADD} to sets and numbers under a condition
 * is what makes usage, slots and replay protection exactly-once, and the enhanced client does not express it.
 * docs/security.md and docs/tenancy.md list the item layout.
 */
package dev.ltb.aws.dynamodb.tenancy;
