package dev.ltb.provider.cohere.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ltb.provider.FinishReason;
import dev.ltb.provider.TokenLogprob;
import dev.ltb.provider.TokenUsage;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class CohereMapperTest {

  @ParameterizedTest
  @CsvSource({
    "COMPLETE, STOP", "STOP_SEQUENCE, STOP", "MAX_TOKENS, LENGTH", "TOOL_CALL, TOOL_CALLS", "ERROR, ERROR",
    "TIMEOUT, ERROR"
  })
  void finishReasonsAreNormalized(String cohere, FinishReason expected) {
    assertThat(CohereMapper.finishReason(cohere)).isEqualTo(expected);
  }

  @Test
  void usageIsCountedInBilledUnitsElseInTokens() {
    CohereChatResponse.Tokens billed = new CohereChatResponse.Tokens(5d, 26d);
    CohereChatResponse.Tokens tokens = new CohereChatResponse.Tokens(71d, 26d);

    assertThat(CohereMapper.usage(new CohereChatResponse.Usage(billed, tokens))).isEqualTo(new TokenUsage(5, 26));
    assertThat(CohereMapper.usage(new CohereChatResponse.Usage(null, tokens))).isEqualTo(new TokenUsage(71, 26));
    assertThat(CohereMapper.usage(null)).isEqualTo(TokenUsage.NONE);
  }

  @Test
  void logprobsAreOnePerTokenWithTheChunkTextOnItsFirst() {
    List<CohereChatResponse.LogprobItem> items =
        List.of(
            new CohereChatResponse.LogprobItem("Hello", List.of(1L), List.of(-0.1)),
            new CohereChatResponse.LogprobItem(" world!", List.of(2L, 3L), List.of(-0.5, -0.25)));

    assertThat(CohereMapper.logprobs(items))
        .containsExactly(new TokenLogprob("Hello", -0.1), new TokenLogprob(" world!", -0.5), new TokenLogprob("", -0.25));
  }
}
