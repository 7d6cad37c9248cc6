package dev.ltb.rest;

import dev.ltb.api.ApiServices;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The use cases over the AWS adapters on the local cloud ({@link LocalCloudStack}), instead of {@link TestApiBeans}'
 * in-memory ports; enabled by {@link LocalCloudProfile} only.
 */
@Alternative
@Singleton
public class LocalCloudApiBeans {

  @Produces
  @Singleton
  @Alternative
  ApiServices services() {
    return LocalCloudStack.get().services();
  }
}
