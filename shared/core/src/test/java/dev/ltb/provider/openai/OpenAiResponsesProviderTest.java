package dev.ltb.provider.openai;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.ltb.json.Json;
import dev.ltb.provider.ChatMessage;
import dev.ltb.provider.FinishReason;
import dev.ltb.provider.ProviderConfigException;
import dev.ltb.provider.ProviderContext;
import dev.ltb.provider.ProviderErrorKind;
import dev.ltb.provider.ProviderException;
import dev.ltb.provider.ProviderFixtures;
import dev.ltb.provider.ProviderRequest;
import dev.ltb.provider.ProviderResponse;
import dev.ltb.provider.SecretResolver;
import dev.ltb.provider.TokenLogprob;
import dev.ltb.provider.TokenUsage;
import dev.ltb.provider.ToolCall;
import dev.ltb.suite.ProviderSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OpenAiResponsesProviderTest {

  @RegisterExtension
  static WireMockExtension openai = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final String KEY = "team-key-4f9c2b7e1d6a8035";
  private static final String PATH = "/v1/responses";
  private static final String STORY =
      "In a peaceful grove beneath a silver moon, a unicorn named Lumina discovered a hidden pool that reflected"
          + " the stars. As she dipped her horn into the water, the pool began to shimmer, revealing a pathway to a"
          + " magical realm of endless night skies. Filled with wonder, Lumina whispered a wish for all who dream to"
          + " find their own hidden magic, and as she glanced back, her hoofprints sparkled like stardust.";

  @Test
  void answersAndSendsTheDocumentedRequest() {
    ProviderFixtures.Fixture fixture = ProviderFixtures.load("openai-responses");
    stub(fixture.response());

    ProviderResponse response =
        ask(provider("openai:responses:gpt-4o-mini", "{}"), "Tell me a three sentence bedtime story about a unicorn.");

    assertThat(response.withLatency(0))
        .isEqualTo(ProviderResponse.of(STORY, new TokenUsage(36, 87, 0), (36 * 0.15 + 87 * 0.60) / 1e6, FinishReason.STOP));
    ObjectNode expected = (ObjectNode) fixture.request().path("body").deepCopy();
    expected.put("model", "gpt-4o-mini");
    openai.verify(
        postRequestedFor(urlPathEqualTo(PATH))
            .withHeader("Authorization", equalTo("Bearer " + KEY))
            .withHeader("Content-Type", equalTo("application/json"))
            .withRequestBody(equalToJson(expected.toString())));
  }

  @Test
  void sendsSystemMessagesAsInstructionsWithTheSettings() {
    stub(ProviderFixtures.load("openai-responses").response());
    OpenAiResponsesProvider provider =
        provider(
            "openai:responses:o4-mini",
            """
            instructions: Answer in English.
            temperature: 0.5
            top_p: 0.9
            max_output_tokens: 200
            reasoning: {summary: auto}
            reasoning_effort: low
            response_format: {type: json_schema, json_schema: {name: story, schema: {type: object}, strict: true}}
            parallel_tool_calls: false
            passthrough: {store: false, service_tier: flex}
            """);

    provider.complete(
        new ProviderRequest(
            List.of(ChatMessage.system("You are a storyteller."), ChatMessage.user("A unicorn story, please.")),
            "A unicorn story, please.", true));

    openai.verify(
        postRequestedFor(urlPathEqualTo(PATH))
            .withRequestBody(
                equalToJson(
                    """
                    {"model": "o4-mini",
                     "instructions": "Answer in English.\\n\\nYou are a storyteller.",
                     "input": "A unicorn story, please.",
                     "temperature": 0.5, "top_p": 0.9, "max_output_tokens": 200,
                     "reasoning": {"summary": "auto", "effort": "low"},
                     "text": {"format": {"type": "json_schema", "name": "story", "schema": {"type": "object"},
                                         "strict": true}},
                     "parallel_tool_calls": false, "store": false, "service_tier": "flex"}
                    """)));
  }

  @Test
  void returnsFunctionCallsAsToolCalls() {
    ProviderFixtures.Fixture fixture = ProviderFixtures.load("openai-responses-function-call");
    stub(fixture.response());
    ObjectNode config = Json.mapper().createObjectNode();
    config.set("tools", fixture.request().at("/body/tools"));
    config.put("tool_choice", "auto");

    ProviderResponse response =
        ask(provider("openai:responses:gpt-4o-mini", config), "What is the weather like in Boston today?");

    assertThat(response.toolCalls())
        .containsExactly(
            new ToolCall(
                "call_unLAR8MvFNptuiZK6K6HCy5k", "get_current_weather", "{\"location\":\"Boston, MA\",\"unit\":\"celsius\"}"));
    assertThat(response.finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
    assertThat(response.output())
        .isEqualTo(
            "[{\"id\":\"call_unLAR8MvFNptuiZK6K6HCy5k\",\"type\":\"function\",\"function\":{\"name\":"
                + "\"get_current_weather\",\"arguments\":\"{\\\"location\\\":\\\"Boston, MA\\\",\\\"unit\\\":"
                + "\\\"celsius\\\"}\"}}]");
    assertThat(response.usage()).isEqualTo(new TokenUsage(291, 23, 0));
    ObjectNode expected = (ObjectNode) fixture.request().path("body").deepCopy();
    expected.put("model", "gpt-4o-mini");
    openai.verify(postRequestedFor(urlPathEqualTo(PATH)).withRequestBody(equalToJson(expected.toString())));
  }

  @Test
  void streamsTheTypedEventsChunkByChunk() {
    ProviderFixtures.Fixture fixture = ProviderFixtures.load("openai-responses-stream");
    stub(fixture.response().withChunkedDribbleDelay(9, 900));

    ProviderResponse response =
        provider("openai:responses:gpt-4o-mini", "stream: true")
            .complete(
                new ProviderRequest(
                    List.of(ChatMessage.system("You are a helpful assistant."), ChatMessage.user("Hello!")), "Hello!",
                    true));

    assertThat(response.output()).isEqualTo("Hi there! How can I assist you today?");
    assertThat(response.usage()).isEqualTo(new TokenUsage(37, 11, 0));
    assertThat(response.finishReason()).isEqualTo(FinishReason.STOP);
    assertThat(response.timeToFirstTokenMs()).isNotNull().isLessThan(response.latencyMs());
    ObjectNode expected = (ObjectNode) fixture.request().path("body").deepCopy();
    expected.put("model", "gpt-4o-mini");
    openai.verify(
        postRequestedFor(urlPathEqualTo(PATH))
            .withHeader("Accept", equalTo("text/event-stream"))
            .withRequestBody(equalToJson(expected.toString())));
  }

  @Test
  void streamsAFunctionCall() {
    String stream =
        """
        event: response.output_item.added
        data: {"type":"response.output_item.added","output_index":0,"item":{"type":"function_call","id":"fc_1","call_id":"call_1","name":"get_weather","arguments":""}}

        event: response.function_call_arguments.delta
        data: {"type":"response.function_call_arguments.delta","item_id":"fc_1","output_index":0,"delta":"{\\"city\\":"}

        event: response.function_call_arguments.delta
        data: {"type":"response.function_call_arguments.delta","item_id":"fc_1","output_index":0,"delta":"\\"Paris\\"}"}

        event: response.completed
        data: {"type":"response.completed","response":{"id":"resp_1","model":"gpt-4o-mini","status":"completed","output":[{"type":"function_call","id":"fc_1","call_id":"call_1","name":"get_weather","arguments":"{\\"city\\":\\"Paris\\"}","status":"completed"}],"usage":{"input_tokens":50,"output_tokens":9}}}

        """;
    stub(aResponse().withStatus(200).withHeader("Content-Type", "text/event-stream").withBody(stream));

    ProviderResponse response = ask(provider("openai:responses:gpt-4o-mini", "stream: true"), "Weather in Paris?");

    assertThat(response.toolCalls()).containsExactly(new ToolCall("call_1", "get_weather", "{\"city\":\"Paris\"}"));
    assertThat(response.finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
    assertThat(response.timeToFirstTokenMs()).isNotNull();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"max_output_tokens, LENGTH", "content_filter, CONTENT_FILTER"})
  void anIncompleteResponseSaysWhy(String reason, FinishReason finishReason) {
    ObjectNode body = (ObjectNode) ProviderFixtures.load("openai-responses").bodyJson();
    body.put("status", "incomplete").putObject("incomplete_details").put("reason", reason);
    stub(json(200, body.toString()));

    ProviderResponse response = ask(provider("openai:responses:gpt-4o-mini", "max_output_tokens: 16"), "A story");

    assertThat(response.finishReason()).isEqualTo(finishReason);
    assertThat(response.output()).isEqualTo(STORY);
  }

  @Test
  void returnsTokenLogprobsWhenAsked() {
    ObjectNode body = (ObjectNode) ProviderFixtures.load("openai-responses").bodyJson();
    ArrayNode logprobs = ((ObjectNode) body.at("/output/0/content/0")).putArray("logprobs");
    logprobs.addObject().put("token", "In").put("logprob", -0.0012).putArray("top_logprobs");
    logprobs.addObject().put("token", " a").put("logprob", -0.25).putArray("top_logprobs");
    stub(json(200, body.toString()));

    ProviderResponse response = ask(provider("openai:responses:gpt-4o-mini", "top_logprobs: 2"), "A story");

    assertThat(response.logprobs()).containsExactly(new TokenLogprob("In", -0.0012), new TokenLogprob(" a", -0.25));
    openai.verify(
        postRequestedFor(urlPathEqualTo(PATH))
            .withRequestBody(matchingJsonPath("$.top_logprobs", equalTo("2")))
            .withRequestBody(matchingJsonPath("$.include[0]", equalTo("message.output_text.logprobs"))));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      nullValues = "none",
      textBlock = """
          400 | none                        | none | INVALID_REQUEST | -1    | openai:responses:gpt-4o-mini: HTTP 400 invalid request: unsupported_parameter: Unsupported parameter: 'temperature' is not supported with this model.
          401 | none                        | none | AUTHENTICATION  | -1    | openai:responses:gpt-4o-mini: HTTP 401 authentication failed (check the API key): invalid_api_key: Incorrect API key provided: sk-test-***8035.
          429 | openai-error-429-rate-limit | 20   | RATE_LIMITED    | 20000 | openai:responses:gpt-4o-mini: HTTP 429 rate limited: rate_limit_exceeded: Rate limit reached for 10KTPM-200RPM in organization org-OASFC7k1Ff5IzueeLArhQtnT on tokens per min. Limit: 10000 / min. Please try again in 6ms. Contact us through our help center at help.openai.com if you continue to have issues.
          500 | none                        | none | SERVER_ERROR    | -1    | openai:responses:gpt-4o-mini: HTTP 500 server error: server_error: The server had an error while processing your request. Sorry about that!
          """)
  void mapsErrorAnswers(
      int status, String fixture, String retryAfter, ProviderErrorKind kind, long waitMillis, String message) {
    String body =
        switch (status) {
          case 400 -> "{\"error\":{\"message\":\"Unsupported parameter: 'temperature' is not supported with this"
              + " model.\",\"type\":\"invalid_request_error\",\"param\":\"temperature\",\"code\":\"unsupported_parameter\"}}";
          case 401 -> "{\"error\":{\"message\":\"Incorrect API key provided: sk-test-***8035.\",\"type\":"
              + "\"invalid_request_error\",\"param\":null,\"code\":\"invalid_api_key\"}}";
          case 500 -> "{\"error\":{\"message\":\"The server had an error while processing your request. Sorry about"
              + " that!\",\"type\":\"server_error\",\"param\":null,\"code\":null}}";
          default -> ProviderFixtures.load(fixture).body();
        };
    ResponseDefinitionBuilder answer = json(status, body);
    if (retryAfter != null) answer.withHeader("Retry-After", retryAfter);
    stub(answer);

    assertThatThrownBy(() -> ask(provider("openai:responses:gpt-4o-mini", "{}"), "Hi"))
        .isInstanceOfSatisfying(
            ProviderException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(kind);
              assertThat(e.httpStatus()).isEqualTo(status);
              assertThat(e.retryAfter().map(Duration::toMillis).orElse(-1L)).isEqualTo(waitMillis);
              assertThat(e.getMessage()).isEqualTo(message);
            });
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock = """
          server_error        | SERVER_ERROR    | openai:responses:gpt-4o-mini: the response failed: server_error: The model failed.
          rate_limit_exceeded | RATE_LIMITED    | openai:responses:gpt-4o-mini: the response failed: rate_limit_exceeded: The model failed.
          invalid_prompt      | INVALID_REQUEST | openai:responses:gpt-4o-mini: the response failed: invalid_prompt: The model failed.
          """)
  void aFailedResponseIsMappedByItsCode(String code, ProviderErrorKind kind, String message) {
    ObjectNode body = (ObjectNode) ProviderFixtures.load("openai-responses").bodyJson();
    body.put("status", "failed").putObject("error").put("code", code).put("message", "The model failed.");
    body.putArray("output");
    stub(json(200, body.toString()));

    assertThatThrownBy(() -> ask(provider("openai:responses:gpt-4o-mini", "{}"), "Hi"))
        .isInstanceOfSatisfying(
            ProviderException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(kind);
              assertThat(e.getMessage()).isEqualTo(message);
            });
  }

  @Test
  void anErrorEventInTheStreamIsMappedByItsCode() {
    String stream =
        """
        event: response.output_text.delta
        data: {"type":"response.output_text.delta","item_id":"msg_1","output_index":0,"content_index":0,"delta":"Hi"}

        event: error
        data: {"type":"error","code":"rate_limit_exceeded","message":"Rate limit reached. Please try again in 1.5s.","param":null,"sequence_number":2}

        """;
    stub(aResponse().withStatus(200).withHeader("Content-Type", "text/event-stream").withBody(stream));

    assertThatThrownBy(() -> ask(provider("openai:responses:gpt-4o-mini", "stream: true"), "Hi"))
        .isInstanceOfSatisfying(
            ProviderException.RateLimited.class,
            e -> {
              assertThat(e.getMessage())
                  .isEqualTo(
                      "openai:responses:gpt-4o-mini: the server failed while streaming: rate_limit_exceeded: Rate limit"
                          + " reached. Please try again in 1.5s.");
              assertThat(e.retryAfter()).contains(Duration.ofMillis(1500));
            });
  }

  @Test
  void aStreamThatEndsBeforeTheResponseIsCompleteIsMalformed() {
    String stream =
        """
        event: response.output_text.delta
        data: {"type":"response.output_text.delta","item_id":"msg_1","output_index":0,"content_index":0,"delta":"Hi"}

        """;
    stub(aResponse().withStatus(200).withHeader("Content-Type", "text/event-stream").withBody(stream));

    assertThatThrownBy(() -> ask(provider("openai:responses:gpt-4o-mini", "stream: true"), "Hi"))
        .isInstanceOf(ProviderException.MalformedResponse.class)
        .hasMessage("openai:responses:gpt-4o-mini: the stream ended without response.completed");
  }

  @Test
  void rejectsAnAnswerThatIsNotJson() {
    stub(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("<html>Bad gateway</html>"));

    assertThatThrownBy(() -> ask(provider("openai:responses:gpt-4o-mini", "{}"), "Hi"))
        .isInstanceOf(ProviderException.MalformedResponse.class)
        .hasMessageStartingWith("openai:responses:gpt-4o-mini: response is not the expected JSON (");
  }

  @Test
  void aToolResultMessageIsRejectedBeforeAnythingIsSent() {
    ProviderRequest withToolResult =
        new ProviderRequest(
            List.of(ChatMessage.user("Weather?"), new ChatMessage(ChatMessage.Role.TOOL,
                List.of(new dev.ltb.provider.ContentPart.Text("{\"temp\": 20}")))),
            "Weather?", true);

    assertThatThrownBy(() -> provider("openai:responses:gpt-4o-mini", "{}").complete(withToolResult))
        .isInstanceOf(ProviderException.InvalidRequest.class)
        .hasMessage(
            "openai:responses:gpt-4o-mini: a tool message cannot be sent to the Responses API (it needs the id of the"
                + " call it answers); use openai:chat for conversations with tool results");
    assertThat(openai.getAllServeEvents()).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock = """
          openai:responses:            | apiKey: k                                   | provider openai:responses:: no model; write the id as openai:responses:<model>, e.g. openai:responses:gpt-4o-mini
          openai:responses:gpt-4o      | {}                                          | provider openai:responses:gpt-4o: no API key: set the environment variable OPENAI_API_KEY or config apiKey
          openai:responses:gpt-4o      | 'apiKey: k\\nmax_tokens: 5\\nmax_output_tokens: 5' | provider openai:responses:gpt-4o: config max_tokens and max_output_tokens mean the same here; keep max_output_tokens
          openai:responses:gpt-4o      | 'apiKey: k\\nreasoning: high'               | provider openai:responses:gpt-4o: config reasoning must be a map such as {effort: low, summary: auto}
          openai:responses:gpt-4o      | 'apiKey: k\\ntools: {a: 1}'                 | provider openai:responses:gpt-4o: config tools must be a list of tools such as [{type: function, name, parameters}]
          """)
  void explainsABadSetup(String id, String yaml, String message) {
    ProviderSpec spec = ProviderSpec.of(id, yaml(yaml.replace("\\n", "\n")));

    assertThatThrownBy(() -> new OpenAiProviderFactory().create(spec, context(Map.of())))
        .isInstanceOf(ProviderConfigException.class)
        .hasMessage(message);
  }

  private static void stub(ResponseDefinitionBuilder answer) {
    openai.stubFor(post(PATH).willReturn(answer));
  }

  private static ResponseDefinitionBuilder json(int status, String body) {
    return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
  }

  private static OpenAiResponsesProvider provider(String id, String yaml) {
    return provider(id, yaml(yaml));
  }

  private static OpenAiResponsesProvider provider(String id, JsonNode config) {
    ObjectNode withUrl = ((ObjectNode) config).deepCopy().put("apiBaseUrl", openai.baseUrl() + "/v1");
    return (OpenAiResponsesProvider)
        new OpenAiProviderFactory().create(ProviderSpec.of(id, withUrl), context(Map.of("OPENAI_API_KEY", KEY)));
  }

  private static ProviderContext context(Map<String, String> secrets) {
    return new ProviderContext(ProviderContext.defaultHttpClient(), SecretResolver.of(secrets), Path.of("."));
  }

  private static ProviderResponse ask(OpenAiResponsesProvider provider, String prompt) {
    return provider.complete(ProviderRequest.ofText(prompt));
  }

  static JsonNode yaml(String yaml) {
    try {
      JsonNode node = Json.yaml().readTree(yaml);
      return node == null || node.isNull() || node.isMissingNode() ? Json.mapper().createObjectNode() : node;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
