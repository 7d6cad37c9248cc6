package dev.ltb.provider.ollama;

import static dev.ltb.provider.ollama.OllamaChatProviderTest.context;
import static dev.ltb.provider.ollama.OllamaChatProviderTest.spec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ltb.provider.ProviderConfigException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OllamaProviderFactoryTest {

  private final OllamaProviderFactory factory = new OllamaProviderFactory();

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          ollama:chat:llama3.2         | chat       | llama3.2
          ollama:chat:llama3.2:1b      | chat       | llama3.2:1b
          ollama:completion:codellama  | completion | codellama
          ollama:llama3.2:1b           | completion | llama3.2:1b
          ollama:embed:all-minilm      | embed      | all-minilm
          ollama:embeddings:nomic-embed-text | embeddings | nomic-embed-text
          """)
  void idsNameTheApiAndTheModelWithItsTag(String id, String api, String model) {
    assertThat(OllamaProviderFactory.ModelId.parse(id)).isEqualTo(new OllamaProviderFactory.ModelId(api, model));
  }

  @Test
  void theProviderMatchesItsId() {
    assertThat(factory.create(spec("ollama:chat:llama3.2", "{}"), context(Map.of())))
        .isInstanceOfSatisfying(OllamaChatProvider.class, provider -> assertThat(provider.model()).isEqualTo("llama3.2"));
    assertThat(factory.create(spec("ollama:qwen3", "{}"), context(Map.of()))).isInstanceOf(OllamaCompletionProvider.class);
    assertThat(factory.createEmbedding(spec("ollama:embed:all-minilm", "{}"), context(Map.of())).id())
        .isEqualTo("ollama:embed:all-minilm");
  }

  @Test
  void anIdWithoutModelOrOfTheWrongKindFailsWithAHint() {
    assertThatThrownBy(() -> factory.create(spec("ollama:chat:", "{}"), context(Map.of())))
        .isInstanceOf(ProviderConfigException.class)
        .hasMessage("provider ollama:chat:: no model; write the id as ollama:chat:<model>, e.g. ollama:chat:llama3.2");
    assertThatThrownBy(() -> factory.create(spec("ollama:embed:all-minilm", "{}"), context(Map.of())))
        .isInstanceOf(ProviderConfigException.class)
        .hasMessageStartingWith("provider ollama:embed:all-minilm is an embedding model;");
    assertThatThrownBy(() -> factory.createEmbedding(spec("ollama:chat:llama3.2", "{}"), context(Map.of())))
        .isInstanceOf(ProviderConfigException.class)
        .hasMessage(
            "provider ollama:chat:llama3.2 makes no embeddings; write the id as ollama:embed:<model>, e.g."
                + " ollama:embed:all-minilm");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          0.0.0.0:11434               | http://0.0.0.0:11434
          myhost                      | http://myhost:11434
          myhost:8000                 | http://myhost:8000
          [::1]:11434                 | http://[::1]:11434
          https://ollama.example.com/ | https://ollama.example.com
          """)
  void ollamaHostIsReadAsTheOllamaCommandReadsIt(String host, String url) {
    assertThat(OllamaProviderFactory.hostUrl(host)).isEqualTo(url);
  }

  @Test
  void settingsAreValidatedBeforeAnythingIsCalled() {
    assertThatThrownBy(() -> factory.create(spec("ollama:chat:llama3.2", "{\"format\": \"yaml\"}"), context(Map.of())))
        .isInstanceOf(ProviderConfigException.class)
        .hasMessage(
            "provider ollama:chat:llama3.2: config format must be json or a JSON schema such as {type: object,"
                + " properties: {...}}");
    assertThatThrownBy(() -> factory.create(spec("ollama:chat:llama3.2", "{\"temperature\": 7}"), context(Map.of())))
        .isInstanceOf(ProviderConfigException.class)
        .hasMessage("provider ollama:chat:llama3.2: config temperature must be between 0.0 and 2.0, was 7.0");
  }
}
