package dev.ltb.provider.anthropic.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.ltb.json.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongSupplier;

/**
 * Assembles a streamed message from its events: the model and usage from {@code message_start}, blocks by
 * index from {@code content_block_start} and their deltas (text appended, tool input JSON assembled from
 * its pieces), the stop reason and the cumulative usage from {@code message_delta}, and the time of the
 * first delta. {@code error} events are the caller's to handle.
 */
public final class StreamAccumulator {

  private final LongSupplier elapsedMillis;
  private final Map<Integer, PartialBlock> blocks = new TreeMap<>();
  private String model;
  private String stopReason;
  private Long inputTokens;
  private Long outputTokens;
  private Long cacheReadTokens;
  private Long cacheCreationTokens;
  private boolean started;
  private boolean stopped;
  private Long firstTokenMs;

  /** @param elapsedMillis time since the request was sent, read when the first delta arrives */
  public StreamAccumulator(LongSupplier elapsedMillis) {
    this.elapsedMillis = elapsedMillis;
  }

  public void accept(StreamEvent event) {
    switch (event.type() == null ? "" : event.type()) {
      case "message_start" -> {
        started = true;
        if (event.message() != null) {
          model = event.message().model();
          addUsage(event.message().usage());
        }
      }
      case "content_block_start" -> {
        if (event.contentBlock() != null) blocks.put(index(event), new PartialBlock(event.contentBlock()));
      }
      case "content_block_delta" -> {
        if (firstTokenMs == null) firstTokenMs = elapsedMillis.getAsLong();
        PartialBlock block = blocks.get(index(event));
        if (block != null && event.delta() != null) block.add(event.delta());
      }
      case "message_delta" -> {
        if (event.delta() != null && event.delta().stopReason() != null) stopReason = event.delta().stopReason();
        addUsage(event.usage());
      }
      case "message_stop" -> stopped = true;
      default -> {
        // ping, content_block_stop and event types added later: nothing to assemble
      }
    }
  }

  /** True once {@code message_start} arrived. */
  public boolean started() {
    return started;
  }

  /** True once {@code message_stop} arrived: the message is complete. */
  public boolean stopped() {
    return stopped;
  }

  public MessagesResult finish() {
    List<Message.ContentBlock> content = new ArrayList<>();
    for (PartialBlock block : blocks.values()) content.add(block.toBlock());
    boolean usageReported = inputTokens != null || outputTokens != null;
    Message.Usage usage =
        usageReported ? new Message.Usage(inputTokens, outputTokens, cacheReadTokens, cacheCreationTokens) : null;
    return AnthropicMapper.toResult(new Message(null, "message", model, content, stopReason, usage), firstTokenMs);
  }

  /** Counts in {@code message_delta} are cumulative: the latest value of each count wins. */
  private void addUsage(Message.Usage usage) {
    if (usage == null) return;
    if (usage.inputTokens() != null) inputTokens = usage.inputTokens();
    if (usage.outputTokens() != null) outputTokens = usage.outputTokens();
    if (usage.cacheReadInputTokens() != null) cacheReadTokens = usage.cacheReadInputTokens();
    if (usage.cacheCreationInputTokens() != null) cacheCreationTokens = usage.cacheCreationInputTokens();
  }

  private static int index(StreamEvent event) {
    return event.index() == null ? 0 : event.index();
  }

  private static final class PartialBlock {
    private final Message.ContentBlock start;
    private final StringBuilder text = new StringBuilder();
    private final StringBuilder inputJson = new StringBuilder();

    PartialBlock(Message.ContentBlock start) {
      this.start = start;
      if (start.text() != null) text.append(start.text());
    }

    void add(StreamEvent.Delta delta) {
      if (delta.text() != null) text.append(delta.text());
      if (delta.partialJson() != null) inputJson.append(delta.partialJson());
    }

    Message.ContentBlock toBlock() {
      return new Message.ContentBlock(start.type(), text.toString(), start.id(), start.name(), input());
    }

    /** The tool input assembled from its pieces, else the input the block started with. */
    private JsonNode input() {
      if (inputJson.toString().isBlank()) return start.input();
      try {
        return Json.mapper().readTree(inputJson.toString());
      } catch (IOException notJson) {
        return JsonNodeFactory.instance.textNode(inputJson.toString());
      }
    }
  }
}
