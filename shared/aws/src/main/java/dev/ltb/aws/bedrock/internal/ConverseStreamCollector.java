package dev.ltb.aws.bedrock.internal;

import dev.ltb.provider.FinishReason;
import dev.ltb.provider.ModelPrice;
import dev.ltb.provider.ProviderException;
import dev.ltb.provider.ProviderResponse;
import dev.ltb.provider.TokenUsage;
import dev.ltb.provider.ToolCall;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongSupplier;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlockDeltaEvent;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlockStartEvent;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamMetadataEvent;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamResponseHandler;
import software.amazon.awssdk.services.bedrockruntime.model.MessageStopEvent;

/**
 * Builds one answer from ConverseStream events: text deltas appended, tool uses opened by {@code
 * contentBlockStart} and their input JSON assembled from deltas, the stop reason from {@code messageStop},
 * the usage from {@code metadata}. Time to first token is when the first delta of any kind arrived.
 *
 * <p>The SDK delivers events one at a time on its event loop; {@link #response} is read after the call's
 * future completed, which orders it after every event.
 */
public final class ConverseStreamCollector {

  private final String providerId;
  private final LongSupplier nanoClock;
  private final long startNanos;
  private final StringBuilder text = new StringBuilder();
  private final Map<Integer, PendingToolUse> toolUses = new TreeMap<>();
  private long firstDeltaNanos = -1;
  private String stopReason;
  private TokenUsage usage = TokenUsage.NONE;

  public ConverseStreamCollector(String providerId, LongSupplier nanoClock) {
    this.providerId = providerId;
    this.nanoClock = nanoClock;
    this.startNanos = nanoClock.getAsLong();
  }

  private static final class PendingToolUse {
    private final String id;
    private final String name;
    private final StringBuilder input = new StringBuilder();

    PendingToolUse(String id, String name) {
      this.id = id;
      this.name = name;
    }
  }

  public ConverseStreamResponseHandler handler() {
    ConverseStreamResponseHandler.Visitor visitor =
        ConverseStreamResponseHandler.Visitor.builder()
            .onContentBlockStart(this::onStart)
            .onContentBlockDelta(this::onDelta)
            .onMessageStop(this::onStop)
            .onMetadata(this::onMetadata)
            .build();
    return ConverseStreamResponseHandler.builder().subscriber(visitor).build();
  }

  synchronized void onStart(ContentBlockStartEvent event) {
    if (event.start() != null && event.start().toolUse() != null) {
      toolUses.put(
          event.contentBlockIndex(),
          new PendingToolUse(event.start().toolUse().toolUseId(), event.start().toolUse().name()));
    }
  }

  synchronized void onDelta(ContentBlockDeltaEvent event) {
    if (firstDeltaNanos < 0) firstDeltaNanos = nanoClock.getAsLong();
    if (event.delta() == null) return;
    if (event.delta().text() != null) text.append(event.delta().text());
    if (event.delta().toolUse() != null && event.delta().toolUse().input() != null) {
      PendingToolUse toolUse = toolUses.get(event.contentBlockIndex());
      if (toolUse == null)
        throw new ProviderException.MalformedResponse(
            providerId + ": tool input for block " + event.contentBlockIndex() + " arrived before its contentBlockStart",
            200, null);
      toolUse.input.append(event.delta().toolUse().input());
    }
  }

  synchronized void onStop(MessageStopEvent event) {
    stopReason = event.stopReasonAsString();
  }

  synchronized void onMetadata(ConverseStreamMetadataEvent event) {
    usage = ConverseResponseMapper.usage(event.usage());
  }

  /**
   * The answer the stream carried.
   *
   * @throws ProviderException.MalformedResponse when the stream ended before its {@code messageStop}
   */
  public synchronized ProviderResponse response(ModelPrice price) {
    if (stopReason == null)
      throw new ProviderException.MalformedResponse(
          providerId + ": the ConverseStream ended before messageStop; the answer may be cut short", 200, null);
    List<ToolCall> toolCalls = new ArrayList<>();
    toolUses.values().forEach(
        toolUse -> toolCalls.add(
            new ToolCall(toolUse.id, toolUse.name, toolUse.input.isEmpty() ? "{}" : toolUse.input.toString())));
    Long timeToFirstToken = firstDeltaNanos < 0 ? null : (firstDeltaNanos - startNanos) / 1_000_000;
    return new ProviderResponse(
        text.toString(),
        usage,
        ConverseResponseMapper.cost(price, usage),
        FinishReason.fromVendor(stopReason),
        0,
        timeToFirstToken,
        toolCalls,
        false,
        List.of());
  }
}
