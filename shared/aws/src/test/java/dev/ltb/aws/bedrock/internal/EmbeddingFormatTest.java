package dev.ltb.aws.bedrock.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ltb.json.Json;
import dev.ltb.provider.ProviderConfig;
import dev.ltb.provider.ProviderException;
import java.util.OptionalLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class EmbeddingFormatTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock = """
          amazon.titan-embed-text-v2:0       | {"dimensions": 512}                         | {"inputText":"hi","dimensions":512}
          amazon.titan-embed-text-v1         | {}                                          | {"inputText":"hi"}
          us.cohere.embed-v4:0               | {}                                          | {"texts":["hi"],"input_type":"search_document"}
          cohere.embed-english-v3            | {"inputType": "search_query", "truncate": "END"} | {"texts":["hi"],"input_type":"search_query","truncate":"END"}
          """)
  void writesTheBodyOfEachModelFamily(String model, String config, String body) throws Exception {
    EmbeddingFormat format = EmbeddingFormat.forModel(model, ProviderConfig.of("bedrock:embed:" + model, Json.mapper().readTree(config)));

    assertThat(format.requestBody("hi")).isEqualTo(body);
  }

  @Test
  void readsVectorsAndTokenCounts() {
    EmbeddingFormat.Parsed titan = new EmbeddingFormat.Titan(null, null).parse("p", "{\"embedding\": [1, 0.5], \"inputTextTokenCount\": 2}");
    EmbeddingFormat.Parsed cohere = new EmbeddingFormat.Cohere("clustering", null).parse("p", "{\"embeddings\": [[0.25]]}");

    assertThat(titan.vector()).containsExactly(1f, 0.5f);
    assertThat(titan.inputTokens()).isEqualTo(OptionalLong.of(2));
    assertThat(cohere.vector()).containsExactly(0.25f);
    assertThat(cohere.inputTokens()).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock = """
          <html>                          | p: the embedding answer is not a JSON object
          {"embedding": []}               | p: the answer has no embedding vector
          {"embedding": [1, "x"]}         | p: embedding[1] is not a number
          """)
  void refusesAnswersWithoutAVector(String body, String message) {
    assertThatThrownBy(() -> new EmbeddingFormat.Titan(null, null).parse("p", body))
        .isInstanceOf(ProviderException.MalformedResponse.class)
        .hasMessage(message);
  }
}
