package dev.ltb.provider.gemini.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ltb.json.Json;
import dev.ltb.provider.ChatMessage;
import dev.ltb.provider.ContentPart;
import dev.ltb.provider.FinishReason;
import dev.ltb.provider.ProviderConfig;
import dev.ltb.provider.ProviderConfigException;
import dev.ltb.provider.ProviderErrorKind;
import dev.ltb.provider.ProviderException;
import dev.ltb.provider.ProviderFixtures;
import dev.ltb.provider.ProviderRequest;
import dev.ltb.provider.ProviderResponse;
import dev.ltb.provider.TokenLogprob;
import dev.ltb.provider.TokenUsage;
import dev.ltb.provider.ToolCall;
import dev.ltb.provider.http.SseEvent;
import dev.ltb.provider.http.SseStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GeminiMapperTest {

  @Test
  void buildsTheRequestWithASystemInstructionModelTurnsAndImages() {
    GenerationSettings settings =
        GenerationSettings.from(
            config(
                """
                temperature: 0.2
                topP: 0.9
                topK: 40
                maxOutputTokens: 256
                stopSequences: END
                seed: 7
                safetySettings: [{category: HARM_CATEGORY_HARASSMENT, threshold: BLOCK_NONE}]
                passthrough: {cachedContent: cachedContents/abc}
                """));
    ProviderRequest request =
        new ProviderRequest(
            List.of(
                ChatMessage.system("Be brief."),
                ChatMessage.user("Hi"),
                ChatMessage.assistant("Hello!"),
                new ChatMessage(
                    ChatMessage.Role.USER,
                    List.of(
                        new ContentPart.Image(null, "image/png", "iVBORw0KGgo="),
                        new ContentPart.Image("https://example.com/cat.JPG?size=large", null, null),
                        new ContentPart.Image("https://example.com/plot", null, null),
                        new ContentPart.Text("What is in these pictures?")))),
            "(chat)",
            true);

    ObjectNode body = GeminiMapper.toRequest(settings, request);

    assertThat(json(body.toString()))
        .as("the JSON sent")
        .isEqualTo(
            json(
                """
                {"contents": [
                   {"role": "user", "parts": [{"text": "Hi"}]},
                   {"role": "model", "parts": [{"text": "Hello!"}]},
                   {"role": "user", "parts": [
                     {"inlineData": {"mimeType": "image/png", "data": "iVBORw0KGgo="}},
                     {"fileData": {"mimeType": "image/jpeg", "fileUri": "https://example.com/cat.JPG?size=large"}},
                     {"fileData": {"fileUri": "https://example.com/plot"}},
                     {"text": "What is in these pictures?"}]}],
                 "systemInstruction": {"parts": [{"text": "Be brief."}]},
                 "generationConfig": {"temperature": 0.2, "topP": 0.9, "topK": 40, "maxOutputTokens": 256,
                   "stopSequences": ["END"], "seed": 7},
                 "safetySettings": [{"category": "HARM_CATEGORY_HARASSMENT", "threshold": "BLOCK_NONE"}],
                 "cachedContent": "cachedContents/abc"}
                """));
  }

  @Test
  void aResponseSchemaAsksForJsonAndLogprobsAreRequestedWithTheirCount() {
    GenerationSettings settings =
        GenerationSettings.from(
            config(
                """
                responseSchema: {type: OBJECT, properties: {city: {type: STRING}}}
                logprobs: 3
                generationConfig: {temperature: 1.0, maxOutputTokens: 50, responseModalities: [TEXT]}
                maxOutputTokens: 80
                """));

    ObjectNode body = GeminiMapper.toRequest(settings, ProviderRequest.ofText("Capital?"));

    assertThat(json(body.get("generationConfig").toString()))
        .isEqualTo(
            json(
                """
                {"temperature": 1.0, "maxOutputTokens": 80, "responseModalities": ["TEXT"],
                 "responseSchema": {"type": "OBJECT", "properties": {"city": {"type": "STRING"}}},
                 "responseMimeType": "application/json", "logprobs": 3, "responseLogprobs": true}
                """));
  }

  @Test
  void convertsOpenAiFunctionToolsIntoFunctionDeclarations() {
    GenerationSettings settings =
        GenerationSettings.from(
            config(
                """
                tools:
                  - googleSearch: {}
                  - type: function
                    function:
                      name: get_weather
                      description: Weather in a city
                      parameters: {type: object, properties: {city: {type: string}}}
                toolConfig: {functionCallingConfig: {mode: ANY}}
                """));

    ObjectNode body = GeminiMapper.toRequest(settings, ProviderRequest.ofText("Weather in Paris?"));

    assertThat(body.get("tools"))
        .isEqualTo(
            json(
                """
                [{"googleSearch": {}},
                 {"functionDeclarations": [{"name": "get_weather", "description": "Weather in a city",
                   "parameters": {"type": "object", "properties": {"city": {"type": "string"}}}}]}]
                """));
    assertThat(body.get("toolConfig")).isEqualTo(json("{\"functionCallingConfig\": {\"mode\": \"ANY\"}}"));
  }

  @Test
  void aPromptOfOnlySystemMessagesCannotBeSent() {
    ProviderRequest request = new ProviderRequest(List.of(ChatMessage.system("You are terse.")), "x", true);

    assertThatThrownBy(() -> GeminiMapper.toRequest(GenerationSettings.from(config("{}")), request))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the prompt has only system messages; Gemini needs a user turn");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock = """
          temperature: 3            | provider gemini:m: config temperature must be between 0.0 and 2.0, was 3.0
          candidateCount: 2         | provider gemini:m: config candidateCount must be 1: the bench scores one answer per call; use repeat
          'tools: {name: x}'        | provider gemini:m: config tools must be a list such as [{functionDeclarations: [{name, description, parameters}]}]
          responseSchema: OBJECT    | provider gemini:m: config responseSchema must be a map such as {type: OBJECT, properties: {...}}
          'generationConfig: {topK: 0}' | provider gemini:m: config generationConfig.topK must be between 1 and 2147483647, was 0
          """)
  void rejectsBadSettings(String yaml, String message) {
    assertThatThrownBy(() -> GenerationSettings.from(config(yaml)))
        .isInstanceOf(ProviderConfigException.class)
        .hasMessage(message);
  }

  @Test
  void mapsAnAnswer() {
    GeminiResult result = GeminiMapper.toResult(answer("gemini-generate-content"), null);

    assertThat(result.response())
        .isEqualTo(
            ProviderResponse.of(
                "Google's headquarters, also known as the Googleplex, is located in **Mountain View, California**.\n",
                new TokenUsage(7, 22, 0), null, FinishReason.STOP));
    assertThat(result.model()).isEqualTo("gemini-2.0-flash");
    assertThat(result.usageReported()).isTrue();
  }

  @Test
  void anAnswerStoppedForSafetyKeepsItsTextAndSaysContentFilter() {
    ProviderResponse response = GeminiMapper.toResult(answer("gemini-generate-content-finish-safety"), null).response();

    assertThat(response.output()).isEqualTo("Safety error incoming in 5, 4, 3, 2...");
    assertThat(response.finishReason()).isEqualTo(FinishReason.CONTENT_FILTER);
    assertThat(response.usage()).isEqualTo(new TokenUsage(7, 20, 0));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"gemini-generate-content-prompt-blocked", "gemini-generate-content-empty-candidates"})
  void aBlockedPromptIsAnEmptyAnswerStoppedByTheContentFilter(String fixture) {
    GeminiResult result = GeminiMapper.toResult(answer(fixture), null);

    assertThat(result.response())
        .isEqualTo(ProviderResponse.of("", TokenUsage.NONE, null, FinishReason.CONTENT_FILTER));
    assertThat(result.usageReported()).isFalse();
  }

  @Test
  void anAnswerWithNeitherCandidatesNorFeedbackIsMalformed() {
    GenerateContentResponse empty = new GenerateContentResponse(List.of(), null, null, "gemini-2.0-flash", null);

    assertThatThrownBy(() -> GeminiMapper.toResult(empty, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the answer has no candidates");
  }

  @Test
  void mapsFunctionCallsToToolCallsAndShowsThemAsTheOutput() {
    GenerateContentResponse answer =
        parse(
            """
            {"candidates": [{"content": {"role": "model", "parts": [
               {"functionCall": {"name": "get_weather", "args": {"city": "Paris"}}},
               {"functionCall": {"id": "call-2", "name": "get_time", "args": {}}}]},
             "finishReason": "STOP"}],
             "usageMetadata": {"promptTokenCount": 30, "candidatesTokenCount": 12}}
            """);

    ProviderResponse response = GeminiMapper.toResult(answer, null).response();

    assertThat(response.toolCalls())
        .containsExactly(
            new ToolCall(null, "get_weather", "{\"city\":\"Paris\"}"), new ToolCall("call-2", "get_time", "{}"));
    assertThat(response.finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
    assertThat(json(response.output()))
        .isEqualTo(
            json(
                """
                [{"functionCall": {"name": "get_weather", "args": {"city": "Paris"}}},
                 {"functionCall": {"id": "call-2", "name": "get_time", "args": {}}}]
                """));
  }

  @Test
  void mapsTokenLogprobsAndLeavesThinkingOut() {
    GenerateContentResponse answer =
        parse(
            """
            {"candidates": [{"content": {"role": "model", "parts": [
               {"text": "Counting the letters...", "thought": true}, {"text": "Paris"}]},
             "finishReason": "STOP",
             "logprobsResult": {
               "topCandidates": [{"candidates": [{"token": "Paris", "logProbability": -0.01}]}],
               "chosenCandidates": [{"token": "Paris", "tokenId": 7, "logProbability": -0.0123}]}}]}
            """);

    ProviderResponse response = GeminiMapper.toResult(answer, null).response();

    assertThat(response.output()).isEqualTo("Paris");
    assertThat(response.logprobs()).containsExactly(new TokenLogprob("Paris", -0.0123));
  }

  @Test
  void countsCachedToolUseAndThinkingTokens() {
    GenerateContentResponse.UsageMetadata usage =
        new GenerateContentResponse.UsageMetadata(2000L, 1500L, 40L, 10L, 300L, 2350L);

    assertThat(GeminiMapper.usage(usage)).isEqualTo(new TokenUsage(2010, 340, 1500));
  }

  @Test
  void assemblesAStreamedAnswer() {
    AtomicLong clock = new AtomicLong();
    GeminiResult result = stream("gemini-stream-generate-content", clock);

    assertThat(result.response().output()).isEqualTo("The capital of Wyoming is **Cheyenne**.\n");
    assertThat(result.response().usage()).isEqualTo(new TokenUsage(7, 10, 0));
    assertThat(result.response().finishReason()).isEqualTo(FinishReason.STOP);
    assertThat(result.response().timeToFirstTokenMs()).isEqualTo(1L);
    assertThat(result.model()).isEqualTo("gemini-2.0-flash");
  }

  @Test
  void assemblesAStreamedFunctionCall() {
    GeminiResult result = stream("gemini-stream-function-call", new AtomicLong());

    assertThat(result.response().toolCalls())
        .containsExactly(new ToolCall(null, "getTemperature", "{\"city\":\"San Jose\"}"));
    assertThat(result.response().finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
    assertThat(result.usageReported()).isFalse();
  }

  @Test
  void aStreamWhosePromptWasBlockedIsAContentFilterAnswer() {
    GeminiResult result = stream("gemini-stream-prompt-blocked", new AtomicLong());

    assertThat(result.response().finishReason()).isEqualTo(FinishReason.CONTENT_FILTER);
    assertThat(result.response().output()).isEmpty();
    assertThat(result.response().timeToFirstTokenMs()).isNull();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock = """
          RESOURCE_EXHAUSTED | 429 | RATE_LIMITED
          UNAVAILABLE        | 503 | SERVER_ERROR
          INTERNAL           | 500 | SERVER_ERROR
          INVALID_ARGUMENT   | 400 | INVALID_REQUEST
          PERMISSION_DENIED  | 403 | AUTHENTICATION
          DEADLINE_EXCEEDED  | 504 | TIMEOUT
          """)
  void mapsErrorsInsideAStreamByTheirStatus(String status, int code, ProviderErrorKind kind) {
    String data = "{\"error\": {\"code\": " + code + ", \"message\": \"Oops\", \"status\": \"" + status + "\"}}";

    ProviderException error = GeminiMapper.streamError("gemini:m", json(data).get("error"), data);

    assertThat(error.kind()).isEqualTo(kind);
    assertThat(error.getMessage()).isEqualTo("gemini:m: the server failed while streaming: " + status + ": Oops");
  }

  private static GeminiResult stream(String fixture, AtomicLong clock) {
    StreamAccumulator accumulator = new StreamAccumulator(clock::incrementAndGet);
    try (SseStream events = new SseStream(ProviderFixtures.open(fixture + ".txt"))) {
      for (SseEvent event : events) accumulator.accept(event.json(GenerateContentResponse.class));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return accumulator.finish();
  }

  private static GenerateContentResponse answer(String fixture) {
    return parse(ProviderFixtures.load(fixture).body());
  }

  private static GenerateContentResponse parse(String text) {
    try {
      return Json.mapper().readValue(text, GenerateContentResponse.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ProviderConfig config(String yaml) {
    try {
      return ProviderConfig.of("gemini:m", Json.yaml().readTree(yaml));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode json(String text) {
    try {
      return Json.mapper().readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
