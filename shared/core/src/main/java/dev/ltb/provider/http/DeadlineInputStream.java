package dev.ltb.provider.http;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * A response body that gives up at a deadline. {@code HttpRequest.timeout} only covers the wait for the
 * response headers; a vendor that stalls while streaming the body would otherwise block the caller forever.
 * At the deadline the stream is closed, which wakes a blocked reader, and reads fail with {@link
 * HttpTimeoutException}.
 */
final class DeadlineInputStream extends FilterInputStream {

  private static final ScheduledThreadPoolExecutor ALARMS = alarms();

  private final Duration limit;
  private final ScheduledFuture<?> alarm;
  private volatile boolean expired;

  DeadlineInputStream(InputStream body, Duration remaining, Duration limit) {
    super(body);
    this.limit = limit;
    this.alarm = ALARMS.schedule(this::expire, Math.max(0, remaining.toMillis()), TimeUnit.MILLISECONDS);
  }

  boolean expired() {
    return expired;
  }

  @Override
  public int read() throws IOException {
    int value;
    try {
      value = super.read();
    } catch (IOException e) {
      throw expired ? timeout() : e;
    }
    if (value < 0 && expired) throw timeout();
    return value;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    int count;
    try {
      count = super.read(buffer, offset, length);
    } catch (IOException e) {
      throw expired ? timeout() : e;
    }
    if (count < 0 && expired) throw timeout();
    return count;
  }

  @Override
  public void close() throws IOException {
    alarm.cancel(false);
    super.close();
  }

  private void expire() {
    expired = true;
    try {
      in.close();
    } catch (IOException ignored) {
      // the reader sees the expiry either way
    }
  }

  private HttpTimeoutException timeout() {
    return new HttpTimeoutException("response body not complete within " + Durations.format(limit));
  }

  private static ScheduledThreadPoolExecutor alarms() {
    ScheduledThreadPoolExecutor executor =
        new ScheduledThreadPoolExecutor(1, Thread.ofPlatform().daemon().name("ltb-http-deadline").factory());
    executor.setRemoveOnCancelPolicy(true);
    return executor;
  }
}
