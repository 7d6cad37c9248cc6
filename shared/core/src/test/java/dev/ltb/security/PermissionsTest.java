package dev.ltb.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The whole matrix, every role × every operation, against the table documented in docs/security.md (kept here
 * independently of {@link Permissions}, so a change to either must be made on purpose in both).
 */
class PermissionsTest {

  private static final List<Role> COLUMNS = List.of(Role.OWNER, Role.ADMIN, Role.MEMBER, Role.VIEWER, Role.SERVICE);

  /** Columns: owner admin member viewer service. */
  private static final String MATRIX = """
      runs:start                   Y Y Y - Y
      runs:cancel                  Y Y Y - Y
      runs:delete                  Y Y - - -
      results:read                 Y Y Y Y Y
      suites:read                  Y Y Y Y Y
      suites:manage                Y Y Y - Y
      plugins:read                 Y Y Y Y Y
      plugins:manage               Y Y Y - Y
      providers:read               Y Y Y Y Y
      provider-credentials:write   Y Y - - -
      provider-credentials:read    - - - - -
      webhooks:read                Y Y Y - -
      webhooks:manage              Y Y - - -
      api-keys:manage              Y Y - - -
      members:read                 Y Y Y Y -
      members:manage               Y Y - - -
      usage:read                   Y Y - - -
      audit:read                   Y Y - - -
      tenant:manage                Y - - - -
      """;

  private static final Map<String, Map<Role, Boolean>> EXPECTED = parse();

  private static Map<String, Map<Role, Boolean>> parse() {
    Map<String, Map<Role, Boolean>> rows = new LinkedHashMap<>();
    for (String line : MATRIX.strip().split("\n")) {
      String[] cells = line.strip().split("\\s+");
      Map<Role, Boolean> row = new LinkedHashMap<>();
      for (int i = 0; i < COLUMNS.size(); i++) row.put(COLUMNS.get(i), cells[i + 1].equals("Y"));
      rows.put(cells[0], row);
    }
    return rows;
  }

  static Stream<Arguments> everyRoleAndOperation() {
    return Arrays.stream(Operation.values())
        .flatMap(operation -> Arrays.stream(Role.values()).map(role -> Arguments.of(role, operation)));
  }

  @ParameterizedTest(name = "{0} × {1}")
  @MethodSource("everyRoleAndOperation")
  void theMatrixGrantsExactlyWhatTheTableSays(Role role, Operation operation) {
    assertThat(EXPECTED).as("the table has a row for " + operation.id()).containsKey(operation.id());
    assertThat(Permissions.allows(role, operation)).as(role.id() + " may " + operation.id())
        .isEqualTo(EXPECTED.get(operation.id()).get(role));
  }

  @Test
  void theTableCoversEveryOperationAndNothingElse() {
    assertThat(EXPECTED.keySet())
        .containsExactlyInAnyOrderElementsOf(Arrays.stream(Operation.values()).map(Operation::id).toList());
    assertThat(COLUMNS).containsExactlyInAnyOrder(Role.values());
  }

  @Test
  void nobodyCanReadAProviderCredentialBackNotEvenTheOwner() {
    assertThat(Permissions.rolesFor(Operation.PROVIDER_CREDENTIALS_READ)).isEmpty();
    assertThat(Permissions.allows(Role.VIEWER, Operation.PROVIDER_CREDENTIALS_WRITE)).isFalse();
    assertThat(ProviderCredentialStore.class.getMethods())
        .as("the credential port has no method that returns a value")
        .filteredOn(method -> !java.lang.reflect.Modifier.isStatic(method.getModifiers()))
        .isNotEmpty()
        .noneMatch(method -> method.getReturnType() == SecretValue.class || method.getReturnType() == String.class);
  }

  @Test
  void adminsManageMembersButCannotMakeOrChangeOwners() {
    assertThat(Permissions.canAssign(Role.OWNER, Role.OWNER)).isTrue();
    assertThat(Permissions.canAssign(Role.ADMIN, Role.ADMIN)).isTrue();
    assertThat(Permissions.canAssign(Role.ADMIN, Role.VIEWER)).isTrue();
    assertThat(Permissions.canAssign(Role.ADMIN, Role.OWNER)).isFalse();
    assertThat(Permissions.canAssign(Role.MEMBER, Role.VIEWER)).isFalse();
    assertThat(Permissions.canAssign(Role.OWNER, Role.SERVICE)).as("service is for API keys").isFalse();
  }

  @Test
  void onlyReadOperationsAreNotMutating() {
    assertThat(Arrays.stream(Operation.values()).filter(op -> !op.mutating()).map(Operation::id))
        .allMatch(id -> id.endsWith(":read"));
    assertThat(Operation.RUN_START.mutating()).isTrue();
  }
}
