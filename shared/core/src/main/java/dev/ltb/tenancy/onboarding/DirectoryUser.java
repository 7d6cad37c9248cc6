package dev.ltb.tenancy.onboarding;

import java.util.Objects;

/**
 * A user of a user directory (in AWS, a Cognito user pool).
 *
 * @param directoryId which directory, e.g. the user pool id
 * @param username the user's name in it
 */
public record DirectoryUser(String directoryId, String username) {
  public DirectoryUser {
    if (directoryId == null || directoryId.isBlank()) throw new IllegalArgumentException("directoryId is required");
    if (username == null || username.isBlank()) throw new IllegalArgumentException("username is required");
  }

  @Override
  public String toString() {
    return directoryId + "/" + Objects.requireNonNull(username);
  }
}
