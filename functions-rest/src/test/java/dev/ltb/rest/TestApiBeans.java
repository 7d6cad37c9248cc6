package dev.ltb.rest;

import dev.ltb.api.ApiServices;
import dev.ltb.testkit.ApiTestPorts;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** In tests the use cases run over the core's in-memory ports with the real loader, plan and cancel steps. */
@Singleton
public class TestApiBeans {

  static final ApiTestPorts PORTS = new ApiTestPorts();

  @Produces
  @Singleton
  ApiServices services() {
    return PORTS.services;
  }
}
