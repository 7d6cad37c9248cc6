package dev.ltb.api;

import dev.ltb.audit.ResourceRef;
import dev.ltb.security.Operation;
import dev.ltb.suite.Suite;
import dev.ltb.tenancy.Ids;
import dev.ltb.tenancy.Page;
import dev.ltb.tenancy.PageRequest;
import dev.ltb.tenancy.ResourceNotFoundException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Objects;

/** A tenant's stored suites: each save is validated and becomes a new immutable version. */
public final class SuiteService {

  private static final String SUITE = "suite";
  private static final int MAX_NAME = 200;

  private final SuiteStore store;
  private final SuiteTexts texts;
  private final Guard guard;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  SuiteService(SuiteStore store, SuiteTexts texts, Guard guard, Clock clock) {
    this.store = Objects.requireNonNull(store);
    this.texts = Objects.requireNonNull(texts);
    this.guard = Objects.requireNonNull(guard);
    this.clock = Objects.requireNonNull(clock);
  }

  /** What a new suite or version carries; {@code name} defaults to the suite's description. */
  public record SuiteText(String name, String format, String text) {}

  public StoredSuite create(Caller caller, SuiteText request) {
    guard.require(caller, Operation.SUITES_MANAGE, ResourceRef.collection(SUITE));
    byte[] id = new byte[8];
    random.nextBytes(id);
    String suiteId = "suite-" + HexFormat.of().formatHex(id);
    StoredSuite suite = build(caller, suiteId, 1, request);
    if (!store.add(suite)) throw new ApiException(ProblemType.CONFLICT, "suite " + suiteId + " exists; try again");
    guard.succeeded(caller, Operation.SUITES_MANAGE, ResourceRef.of(SUITE, suiteId));
    return suite;
  }

  /** Adds the next version of an existing suite. */
  public StoredSuite addVersion(Caller caller, String suiteId, SuiteText request) {
    ResourceRef resource = guard.require(caller, Operation.SUITES_MANAGE, SUITE, "suiteId", suiteId);
    StoredSuite latest = latest(caller, suiteId);
    SuiteText named = request.name() == null ? new SuiteText(latest.name(), request.format(), request.text()) : request;
    StoredSuite next = build(caller, suiteId, latest.version() + 1, named);
    if (!store.add(next))
      throw new ApiException(ProblemType.CONFLICT,
          "version " + next.version() + " of suite " + suiteId + " was saved by another request; fetch it and retry");
    guard.succeeded(caller, Operation.SUITES_MANAGE, resource);
    return next;
  }

  public Page<StoredSuite.SuiteInfo> list(Caller caller, PageRequest page) {
    guard.require(caller, Operation.SUITES_READ, ResourceRef.collection(SUITE));
    return store.list(caller.tenant(), page);
  }

  /** A version of the suite, the latest when {@code version} is null. */
  public StoredSuite get(Caller caller, String suiteId, Integer version) {
    guard.require(caller, Operation.SUITES_READ, SUITE, "suiteId", suiteId);
    if (version != null && version < 1) throw ApiException.invalidField("version", "must be 1 or more");
    return store.find(caller.tenant(), suiteId, version)
        .orElseThrow(() -> new ResourceNotFoundException(SUITE, suiteId));
  }

  public void delete(Caller caller, String suiteId) {
    ResourceRef resource = guard.require(caller, Operation.SUITES_MANAGE, SUITE, "suiteId", suiteId);
    if (!store.delete(caller.tenant(), suiteId)) throw new ResourceNotFoundException(SUITE, suiteId);
    guard.succeeded(caller, Operation.SUITES_MANAGE, resource);
  }

  private StoredSuite latest(Caller caller, String suiteId) {
    return store.find(caller.tenant(), suiteId, null).orElseThrow(() -> new ResourceNotFoundException(SUITE, suiteId));
  }

  private StoredSuite build(Caller caller, String suiteId, int version, SuiteText request) {
    if (request == null || request.text() == null) throw ApiException.invalidField("text", "is required");
    String format = SuiteTexts.format(request.format(), request.text());
    Suite suite = texts.validate(request.text(), suiteId + "." + format, caller.tenant());
    String name = request.name() == null || request.name().isBlank() ? suite.description() : request.name().strip();
    if (name != null && name.length() > MAX_NAME)
      throw ApiException.invalidField("name", "must have at most " + MAX_NAME + " characters");
    Ids.requireResourceId("suiteId", suiteId);
    return new StoredSuite(caller.tenant(), suiteId, version, name, format, request.text(), clock.instant(),
        caller.principal().principalId());
  }
}
