package dev.ltb.audit;

import dev.ltb.security.Operation;
import dev.ltb.security.Principal;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Writes audit records. Its inputs are the principal, an {@link Operation}, a {@link ResourceRef}, a result, a
 * reason code and the {@link RequestContext}: there is no parameter for payloads, so prompt text, outputs and
 * credentials cannot be handed to it.
 */
public final class AuditRecorder {

  private static final Pattern REASON = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
  private static final DateTimeFormatter ID_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

  private final AuditLog log;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  public AuditRecorder(AuditLog log, Clock clock) {
    this.log = Objects.requireNonNull(log, "log");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  public AuditRecord succeeded(Principal actor, Operation operation, ResourceRef resource, RequestContext request) {
    return record(actor, operation, resource, AuditResult.SUCCEEDED, null, request);
  }

  public AuditRecord denied(
      Principal actor, Operation operation, ResourceRef resource, String reason, RequestContext request) {
    return record(actor, operation, resource, AuditResult.DENIED, reason, request);
  }

  public AuditRecord failed(
      Principal actor, Operation operation, ResourceRef resource, String reason, RequestContext request) {
    return record(actor, operation, resource, AuditResult.FAILED, reason, request);
  }

  /**
   * Appends one record.
   *
   * @param reason a short lower-case code such as {@code role-not-permitted}, or null
   */
  public AuditRecord record(
      Principal actor, Operation operation, ResourceRef resource, AuditResult result, String reason,
      RequestContext request) {
    if (reason != null && !REASON.matcher(reason).matches())
      throw new IllegalArgumentException("audit reasons are short codes of a-z, 0-9 and '-'");
    Instant at = clock.instant();
    AuditRecord record = new AuditRecord(newId(at), actor.tenantId(), actor.principalId(), actor.kind(), actor.role(),
        operation.id(), resource, result, reason, request.sourceIp(), request.userAgent(), at);
    log.append(record);
    return record;
  }

  private String newId(Instant at) {
    byte[] suffix = new byte[6];
    random.nextBytes(suffix);
    return timeKey(at) + "-" + HexFormat.of().formatHex(suffix);
  }

  /**
   * The time part that starts every record id made at {@code at}: ids sort by time, so storage can select a time
   * window by id range ({@code id >= timeKey(from)} and {@code id < timeKey(to)}).
   */
  public static String timeKey(Instant at) {
    return ID_TIME.format(at);
  }
}
