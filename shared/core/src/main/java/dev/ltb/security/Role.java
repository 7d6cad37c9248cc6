package dev.ltb.security;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** A principal's role in its tenant, most privileged first. {@link #SERVICE} is for API keys only. */
public enum Role {
  OWNER,
  ADMIN,
  MEMBER,
  VIEWER,
  SERVICE;

  /** The lower-case id used in Cognito groups, API payloads and audit records. */
  @JsonValue
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Role> fromId(String id) {
    return Arrays.stream(values()).filter(role -> role.id().equals(id)).findFirst();
  }

  /** Roles a person can hold (through Cognito groups). */
  public boolean forUsers() {
    return this != SERVICE;
  }
}
