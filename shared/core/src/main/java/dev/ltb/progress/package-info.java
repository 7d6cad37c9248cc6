/**
 * Run progress for subscribers, runtime-neutral: {@link dev.ltb.progress.WebSocketSessions} keeps the
 * WebSocket door's connections and their subscriptions (tenant-checked), {@link dev.ltb.progress.ProgressPublisher}
 * turns run events into {@link dev.ltb.progress.ProgressMessage}s and hands them to every
 * {@link dev.ltb.progress.ProgressSink} (WebSocket connections through {@link dev.ltb.progress.WebSocketSink},
 * later GraphQL subscriptions). The ports ({@link dev.ltb.progress.Connections},
 * {@link dev.ltb.progress.ConnectionPusher}, {@link dev.ltb.progress.RunEventLog}) are served by DynamoDB and the
 * API Gateway Management API in {@code shared/aws}; nothing here knows about them.
 */
package dev.ltb.progress;
