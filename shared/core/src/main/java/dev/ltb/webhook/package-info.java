/**
 * Webhooks both ways. Inbound: {@link dev.ltb.webhook.InboundHookService} verifies GitHub's
 * {@code X-Hub-Signature-256} or our {@code X-LTB-Signature} in constant time, rejects replays by delivery id, maps
 * the payload into suite vars with JSON Pointers and starts the run. Outbound: {@link dev.ltb.webhook.WebhookNotifier}
 * turns a finished run into signed {@code run.completed}, {@code run.failed} and {@code run.regressed} events and
 * {@link dev.ltb.webhook.WebhookDeliveryWorker} delivers them with exponential backoff, a dead-letter queue and a
 * delivery log.
 */
package dev.ltb.webhook;
