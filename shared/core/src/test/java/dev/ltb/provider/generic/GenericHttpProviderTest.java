package dev.ltb.provider.generic;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.ltb.json.Json;
import dev.ltb.provider.ChatMessage;
import dev.ltb.provider.FinishReason;
import dev.ltb.provider.Provider;
import dev.ltb.provider.ProviderConfigException;
import dev.ltb.provider.ProviderContext;
import dev.ltb.provider.ProviderException;
import dev.ltb.provider.ProviderFixtures;
import dev.ltb.provider.ProviderRequest;
import dev.ltb.provider.ProviderResponse;
import dev.ltb.provider.RequestOrigin;
import dev.ltb.provider.SecretResolver;
import dev.ltb.provider.TokenUsage;
import dev.ltb.suite.ProviderSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GenericHttpProviderTest {

  @RegisterExtension
  static WireMockExtension gateway = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final String KEY = "gw-key-51c0ffee2b7d";

  @Test
  void rendersTheBodyAndHeadersAndReadsOutputUsageAndFinishByPath() {
    gateway.stubFor(any(urlPathEqualTo("/v1/chat/completions")).willReturn(ProviderFixtures.load("mistral-chat-completions").response()));
    Provider provider =
        provider(
            "http:gateway",
            """
            {"url": "%s/v1/chat/completions", "apiKeyEnvar": "GATEWAY_KEY",
             "headers": {"Authorization": "Bearer {{apiKey}}", "X-Test": "{{vars.case}}"},
             "body": {"model": "mistral-large-latest", "messages": [{"role": "user", "content": "{{prompt}}"}],
                      "metadata": {"topic": "{{topic}}"}},
             "output": "$.choices[0].message.content",
             "usage": {"input": "$.usage.prompt_tokens", "output": "/usage/completion_tokens"},
             "finishReason": "json.choices[0].finish_reason",
             "cost": {"inputPerMillion": 2, "outputPerMillion": 6}}"""
                .formatted(gateway.baseUrl()));
    String prompt = "Say \"hi\"\nthen stop";

    ProviderResponse response =
        provider.complete(
            ProviderRequest.ofText(prompt).withOrigin(new RequestOrigin("i1", "t", Map.of("case", "c-7", "topic", "space"))));

    assertThat(response.output()).startsWith("The distance between the **Earth and the Moon**");
    assertThat(response.usage()).isEqualTo(new TokenUsage(11, 268));
    assertThat(response.finishReason()).isEqualTo(FinishReason.STOP);
    assertThat(response.costUsd()).isEqualTo((11 * 2 + 268 * 6) / 1_000_000d);
    gateway.verify(
        postRequestedFor(urlPathEqualTo("/v1/chat/completions"))
            .withHeader("Authorization", equalTo("Bearer " + KEY))
            .withHeader("X-Test", equalTo("c-7"))
            .withHeader("Content-Type", equalTo("application/json"))
            .withRequestBody(
                equalToJson(
                    """
                    {"model": "mistral-large-latest", "messages": [{"role": "user", "content": "Say \\"hi\\"\\nthen stop"}],
                     "metadata": {"topic": "space"}}""")));
  }

  @Test
  void aTextBodyIsSentAsItRendersAndAPlainAnswerIsTheOutput() {
    gateway.stubFor(any(urlPathEqualTo("/generate")).willReturn(aResponse().withHeader("Content-Type", "text/plain").withBody("Paris")));
    Provider provider =
        provider(
            "http:plain",
            "{\"url\": \"%s/generate\", \"body\": \"Q: {{ prompt }}\\nA:\", \"headers\": {\"Content-Type\": \"text/x-prompt\"}}"
                .formatted(gateway.baseUrl()));

    ProviderResponse response = provider.complete(ProviderRequest.ofText("Capital of France?"));

    assertThat(response.output()).isEqualTo("Paris");
    assertThat(response.usage()).isEqualTo(TokenUsage.NONE);
    assertThat(response.finishReason()).isEqualTo(FinishReason.UNKNOWN);
    assertThat(response.costUsd()).isNull();
    gateway.verify(
        postRequestedFor(urlPathEqualTo("/generate"))
            .withHeader("Content-Type", equalTo("text/x-prompt"))
            .withRequestBody(equalTo("Q: Capital of France?\nA:")));
  }

  @Test
  void aGetWithATemplatedUrlAndTheIdAsUrl() {
    gateway.stubFor(any(urlPathEqualTo("/ask")).willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("{\"answer\": {\"text\": \"42\"}}")));

    ProviderResponse response =
        provider(gateway.baseUrl() + "/ask", "{\"method\": \"get\", \"url\": \"" + gateway.baseUrl() + "/ask?q={{ prompt | urlencode }}\", \"output\": \"/answer/text\"}")
            .complete(ProviderRequest.ofText("what is 6 x 7?"));

    assertThat(response.output()).isEqualTo("42");
    gateway.verify(getRequestedFor(urlPathEqualTo("/ask")).withQueryParam("q", equalTo("what is 6 x 7?")));

    gateway.stubFor(any(urlPathEqualTo("/direct")).willReturn(aResponse().withBody("\"quoted\"")));
    assertThat(provider(gateway.baseUrl() + "/direct", "{\"body\": {\"messages\": \"{{ messages[0].content }}\"}}")
            .complete(new ProviderRequest(List.of(ChatMessage.user("hey")), "hey", true)).output())
        .isEqualTo("quoted");
    gateway.verify(postRequestedFor(urlPathEqualTo("/direct")).withRequestBody(equalToJson("{\"messages\": \"hey\"}")));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          400 | {"error": {"message": "prompt too long", "type": "invalid_request"}} | INVALID_REQUEST | http:gw: HTTP 400 invalid request: invalid_request: prompt too long
          401 | {"message": "token expired"}                                          | AUTHENTICATION  | http:gw: HTTP 401 authentication failed (check the API key): token expired
          429 | {"error": "slow down"}                                                | RATE_LIMITED    | http:gw: HTTP 429 rate limited: slow down
          500 | <html><body>Bad things</body></html>                                  | SERVER_ERROR    | http:gw: HTTP 500 server error: Bad things
          """)
  void errorAnswersAreMappedLikeAnyVendors(int status, String body, String kind, String message) {
    gateway.stubFor(any(urlPathEqualTo("/x")).willReturn(aResponse().withStatus(status).withHeader("Retry-After", "5").withBody(body)));

    assertThatThrownBy(() -> provider("http:gw", "{\"url\": \"" + gateway.baseUrl() + "/x\", \"body\": {\"p\": \"{{prompt}}\"}}").complete(ProviderRequest.ofText("hi")))
        .isInstanceOfSatisfying(
            ProviderException.class,
            e -> {
              assertThat(e.kind().name()).isEqualTo(kind);
              if (status >= 429) assertThat(e.retryAfter()).isPresent();
            })
        .hasMessage(message);
  }

  @Test
  void anAnswerWithoutTheOutputPathIsMalformed() {
    gateway.stubFor(any(urlPathEqualTo("/x")).willReturn(aResponse().withBody("{\"result\": null}")));
    assertThatThrownBy(() -> provider("http:gw", "{\"url\": \"" + gateway.baseUrl() + "/x\", \"body\": {}, \"output\": \"$.text\"}").complete(ProviderRequest.ofText("hi")))
        .isInstanceOf(ProviderException.MalformedResponse.class)
        .hasMessage("http:gw: output path $.text matches nothing in the answer: {\"result\": null}");

    gateway.stubFor(any(urlPathEqualTo("/x")).willReturn(aResponse().withBody("<html>maintenance</html>")));
    assertThatThrownBy(() -> provider("http:gw", "{\"url\": \"" + gateway.baseUrl() + "/x\", \"body\": {}, \"output\": \"$.text\"}").complete(ProviderRequest.ofText("hi")))
        .isInstanceOf(ProviderException.MalformedResponse.class)
        .hasMessage("http:gw: the answer is not JSON, so output and usage paths cannot be read: <html>maintenance</html>");
  }

  @Test
  void aSlowAnswerIsATimeoutAndTheKeyNeverShows() {
    gateway.stubFor(any(urlPathEqualTo("/slow")).willReturn(aResponse().withBody("ok").withFixedDelay(2000)));
    assertThatThrownBy(() -> provider("http:gw", "{\"url\": \"" + gateway.baseUrl() + "/slow\", \"body\": {}, \"timeoutMs\": 300}").complete(ProviderRequest.ofText("hi")))
        .isInstanceOf(ProviderException.Timeout.class)
        .hasMessage("http:gw: no response within 300 ms");

    gateway.stubFor(any(urlPathEqualTo("/auth")).willReturn(aResponse().withStatus(403).withBody("{\"message\": \"key " + KEY + " has no access\"}")));
    assertThatThrownBy(
            () -> provider("http:gw", "{\"url\": \"" + gateway.baseUrl() + "/auth?key={{apiKey}}\", \"apiKeyEnvar\": \"GATEWAY_KEY\", \"body\": {}}")
                .complete(ProviderRequest.ofText("hi")))
        .isInstanceOf(ProviderException.Authentication.class)
        .hasMessageNotContaining(KEY)
        .hasMessageEndingWith("key [REDACTED] has no access");
    gateway.verify(anyRequestedFor(urlPathEqualTo("/auth")).withQueryParam("key", equalTo(KEY)));
  }

  @Test
  void configMistakesFailBeforeAnythingIsCalled() {
    assertThatThrownBy(() -> provider("http:gw", "{\"body\": {}}"))
        .isInstanceOf(ProviderConfigException.class)
        .hasMessage("provider http:gw: config url is required (or write the URL as the id), e.g. url: https://gateway.example.com/v1/generate");
    assertThatThrownBy(() -> provider("http:gw", "{\"url\": \"https://gw.example.com\"}"))
        .isInstanceOf(ProviderConfigException.class)
        .hasMessage("provider http:gw: config body is required for POST, e.g. body: {prompt: \"{{prompt}}\"}");
    assertThatThrownBy(() -> provider("http:gw", "{\"url\": \"https://gw.example.com\", \"body\": {}, \"transformResponse\": \"json => json.text\"}"))
        .isInstanceOf(ProviderConfigException.class)
        .hasMessage(
            "provider http:gw: config output \"json => json.text\" is not a JSON Pointer (/choices/0/text), a JSONPath"
                + " ($.choices[0].text) or json.choices[0].text; JavaScript expressions are not run");
    assertThatThrownBy(() -> provider("http:gw", "{\"url\": \"https://gw.example.com\", \"body\": {}, \"usage\": {\"prompt\": \"$.p\"}}"))
        .isInstanceOf(ProviderConfigException.class)
        .hasMessage("provider http:gw: unknown config key(s) prompt; known keys: input, output, cached");
    assertThatThrownBy(() -> provider("http:gw", "{\"url\": \"https://gw.example.com\", \"body\": {}, \"apiKeyEnvar\": \"NOPE\"}"))
        .isInstanceOf(ProviderConfigException.class)
        .hasMessage("provider http:gw: no API key: set the environment variable NOPE or config apiKey");
  }

  private static Provider provider(String id, String config) {
    String prefix = id.startsWith("https") ? "https" : "http";
    try {
      return new GenericHttpProvider.Factory(prefix)
          .create(
              ProviderSpec.of(id, Json.mapper().readTree(config)),
              new ProviderContext(ProviderContext.defaultHttpClient(), SecretResolver.of(Map.of("GATEWAY_KEY", KEY)), null));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
