package dev.ltb.functions;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.ltb.json.Json;
import java.util.Map;

/** Secrets Manager's GetSecretValue at the wire (WireMock), answering with the documented JSON. */
final class SecretsManagerStub {

  private SecretsManagerStub() {}

  static void secret(WireMockServer server, String name, String value) {
    server.stubFor(post(urlEqualTo("/"))
        .withHeader("X-Amz-Target", equalTo("secretsmanager.GetSecretValue"))
        .withRequestBody(containing("\"" + name + "\""))
        .willReturn(aResponse().withHeader("Content-Type", "application/x-amz-json-1.1").withBody(Json.write(Map.of(
            "ARN", "arn:aws:secretsmanager:us-east-1:000000000000:secret:" + name + "-AbCdEf",
            "Name", name,
            "SecretString", value,
            "VersionId", "EXAMPLE1-90ab-cdef-fedc-ba987SECRET1",
            "VersionStages", java.util.List.of("AWSCURRENT"),
            "CreatedDate", 1.795867e9)))));
  }

  static void missingByDefault(WireMockServer server) {
    server.stubFor(post(urlEqualTo("/")).atPriority(10)
        .withHeader("X-Amz-Target", equalTo("secretsmanager.GetSecretValue"))
        .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/x-amz-json-1.1")
            .withBody("{\"__type\":\"ResourceNotFoundException\",\"Message\":\"Secrets Manager can't find the specified secret.\"}")));
  }
}
