/**
 * The use cases behind the three APIs (REST, GraphQL, WebSocket): runs, results, suites, account (usage, audit,
 * API keys), webhooks and provider credentials. Every call takes the {@link dev.ltb.api.Caller}, checks its
 * {@link dev.ltb.security.Operation} through {@link dev.ltb.security.AccessControl}, stays inside the caller's
 * tenant (another tenant's id answers exactly like a missing one) and audits mutations and denials. Errors leave as
 * {@link dev.ltb.api.ApiException} carrying an RFC 9457 {@link dev.ltb.api.Problem}; entry points only map them.
 * Wire everything with {@link dev.ltb.api.ApiServices#wire}.
 */
package dev.ltb.api;
