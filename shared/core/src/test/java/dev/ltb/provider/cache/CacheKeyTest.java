package dev.ltb.provider.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ltb.json.Json;
import dev.ltb.provider.ChatMessage;
import dev.ltb.provider.ContentPart;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class CacheKeyTest {

  private static final List<ChatMessage> HELLO = List.of(ChatMessage.system("Be brief."), ChatMessage.user("Hello!"));

  @Test
  void theSameCallHasTheSameKeyWhateverTheOrderOfTheConfigKeys() {
    CacheKey first = CacheKey.of("openai:chat:gpt-4o-mini", yaml("{temperature: 0, max_tokens: 5, stop: [a]}"), HELLO);
    CacheKey second = CacheKey.of("openai:chat:gpt-4o-mini", yaml("{stop: [a], max_tokens: 5, temperature: 0}"), HELLO);

    assertThat(first).isEqualTo(second);
    assertThat(first.sha256()).hasSize(64).matches("[0-9a-f]+");
    assertThat(first.providerId()).isEqualTo("openai:chat:gpt-4o-mini");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock = """
          another provider     | openai:chat:gpt-4o | {temperature: 0, max_tokens: 5}                   | Hello!
          another setting      | openai:chat:gpt-4o-mini | {temperature: 1, max_tokens: 5}              | Hello!
          another token limit  | openai:chat:gpt-4o-mini | {temperature: 0, max_tokens: 6}              | Hello!
          another base URL     | openai:chat:gpt-4o-mini | {temperature: 0, max_tokens: 5, apiBaseUrl: x} | Hello!
          another prompt       | openai:chat:gpt-4o-mini | {temperature: 0, max_tokens: 5}              | Hello?
          """)
  void anythingThatChangesTheAnswerChangesTheKey(String change, String providerId, String config, String prompt) {
    CacheKey base = CacheKey.of("openai:chat:gpt-4o-mini", yaml("{temperature: 0, max_tokens: 5}"), HELLO);

    CacheKey changed =
        CacheKey.of(providerId, yaml(config), List.of(ChatMessage.system("Be brief."), ChatMessage.user(prompt)));

    assertThat(changed).isNotEqualTo(base);
  }

  @Test
  void rolesAndImagesArePartOfTheKey() {
    CacheKey asUser = CacheKey.of("p", null, List.of(ChatMessage.user("Hi")));
    CacheKey asSystem = CacheKey.of("p", null, List.of(ChatMessage.system("Hi")));
    CacheKey withImage =
        CacheKey.of(
            "p", null,
            List.of(new ChatMessage(ChatMessage.Role.USER, List.of(new ContentPart.Text("Hi"),
                new ContentPart.Image(null, "image/png", "iVBORw0KGgo=")))));

    assertThat(asUser).isNotEqualTo(asSystem).isNotEqualTo(withImage);
  }

  @Test
  void secretsAreLeftOutSoRotatingAKeyKeepsTheCache() {
    CacheKey withOneKey =
        CacheKey.of(
            "p", yaml("{apiKey: sk-one, azureAdToken: t1, headers: {Authorization: Bearer a, X-Team: x}, max_tokens: 5}"),
            HELLO);
    CacheKey withAnother =
        CacheKey.of(
            "p", yaml("{apiKey: sk-two, azureAdToken: t2, headers: {Authorization: Bearer b, X-Team: x}, max_tokens: 5}"),
            HELLO);

    assertThat(withOneKey).isEqualTo(withAnother);
    assertThat(CacheKey.withoutSecrets(yaml(
            "{apiKey: k, apiKeyEnvar: V, api-key: k, password: p, client_secret: s, max_tokens: 5,"
                + " max_output_tokens: 6, top_logprobs: 2, headers: {x-api-key: k, Cookie: c, X-Team: t}}")))
        .isEqualTo(yaml("{max_tokens: 5, max_output_tokens: 6, top_logprobs: 2, headers: {X-Team: t}}"));
  }

  @Test
  void rejectsAMalformedKey() {
    assertThatThrownBy(() -> new CacheKey("p", "ABC"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a cache key is 64 lower-case hex digits, was ABC");
  }

  static JsonNode yaml(String yaml) {
    try {
      return Json.yaml().readTree(yaml);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
