package dev.ltb.security;

import java.time.Instant;

/** A token that passed every check: who it names and until when it is valid. */
public record VerifiedToken(Principal principal, Instant expiresAt) {}
