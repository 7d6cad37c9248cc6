package dev.ltb.rest;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Set;

/** The REST app over the local cloud: {@link LocalCloudApiBeans} replaces the in-memory use cases. */
public class LocalCloudProfile implements QuarkusTestProfile {

  @Override
  public Set<Class<?>> getEnabledAlternatives() {
    return Set.of(LocalCloudApiBeans.class);
  }
}
