/**
 * Who is calling and what they may do: {@link dev.ltb.security.Principal}s from Cognito JWTs
 * ({@link dev.ltb.security.CognitoJwtVerifier}) or tenant API keys ({@link dev.ltb.security.ApiKeys}), mapped by
 * the caching {@link dev.ltb.security.Authenticator}; roles and the one permission matrix
 * ({@link dev.ltb.security.Permissions}) that every REST endpoint, GraphQL field and WebSocket action enforces
 * through {@link dev.ltb.security.AccessControl}; write-only provider credentials.
 */
package dev.ltb.security;
