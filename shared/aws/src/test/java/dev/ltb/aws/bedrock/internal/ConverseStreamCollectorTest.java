package dev.ltb.aws.bedrock.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ltb.provider.FinishReason;
import dev.ltb.provider.ModelPrice;
import dev.ltb.provider.ProviderException;
import dev.ltb.provider.ProviderResponse;
import dev.ltb.provider.TokenUsage;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlockDelta;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlockDeltaEvent;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamMetadataEvent;
import software.amazon.awssdk.services.bedrockruntime.model.MessageStopEvent;

class ConverseStreamCollectorTest {

  private final AtomicLong clock = new AtomicLong(1_000_000_000L);
  private final ConverseStreamCollector collector = new ConverseStreamCollector("bedrock:m", clock::get);

  @Test
  void measuresTheFirstTokenFromTheStartOfTheCall() {
    clock.addAndGet(250_000_000L);
    collector.onDelta(delta(0, "Hello"));
    clock.addAndGet(900_000_000L);
    collector.onDelta(delta(0, ", world"));
    collector.onStop(MessageStopEvent.builder().stopReason("end_turn").build());
    collector.onMetadata(ConverseStreamMetadataEvent.builder()
        .usage(u -> u.inputTokens(10).outputTokens(4).totalTokens(14).cacheReadInputTokens(100)).build());

    ProviderResponse response = collector.response(new ModelPrice(1, 2, 0.1));

    assertThat(response.output()).isEqualTo("Hello, world");
    assertThat(response.timeToFirstTokenMs()).isEqualTo(250L);
    assertThat(response.finishReason()).isEqualTo(FinishReason.STOP);
    assertThat(response.usage()).isEqualTo(new TokenUsage(110, 4, 100));
    assertThat(response.costUsd()).isEqualTo((10 * 1 + 100 * 0.1 + 4 * 2) / 1_000_000d);
  }

  @Test
  void refusesToolInputThatComesBeforeItsBlockStarted() {
    ContentBlockDeltaEvent orphan =
        ContentBlockDeltaEvent.builder().contentBlockIndex(1).delta(ContentBlockDelta.fromToolUse(t -> t.input("{"))).build();

    assertThatThrownBy(() -> collector.onDelta(orphan))
        .isInstanceOf(ProviderException.MalformedResponse.class)
        .hasMessage("bedrock:m: tool input for block 1 arrived before its contentBlockStart");
  }

  private static ContentBlockDeltaEvent delta(int index, String text) {
    return ContentBlockDeltaEvent.builder().contentBlockIndex(index).delta(ContentBlockDelta.fromText(text)).build();
  }
}
