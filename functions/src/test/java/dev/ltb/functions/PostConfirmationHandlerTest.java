package dev.ltb.functions;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static dev.ltb.functions.HandlerFixture.invoke;
import static dev.ltb.functions.HandlerFixture.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.ltb.audit.AuditQuery;
import dev.ltb.audit.AuditRecord;
import dev.ltb.aws.AwsAdapters;
import dev.ltb.aws.AwsClients;
import dev.ltb.aws.AwsSettings;
import dev.ltb.aws.dynamodb.tenancy.DynamoTenancyStores;
import dev.ltb.json.Json;
import dev.ltb.tenancy.Plans;
import dev.ltb.tenancy.TenantId;
import dev.ltb.tenancy.onboarding.TenantOnboarding;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code post-confirmation} with Cognito's documented Post Confirmation event: the tenant's plan item and audit in
 * dynalite, the user pool at the wire (WireMock answering Cognito's JSON 1.1 API: AdminGetUser,
 * AdminUpdateUserAttributes, AdminAddUserToGroup).
 */
class PostConfirmationHandlerTest {

  static final String SUB = "7d8ca528-4931-4254-9273-ea5ee853f271";
  static final TenantId OWN = TenantOnboarding.tenantFor(SUB);
  static WireMockServer cognito;
  static AwsClients clients;

  String table;
  DynamoTenancyStores stores;
  PostConfirmationHandler handler;

  @BeforeAll
  static void start() {
    LocalTenancyCloud.clients();
    cognito = new WireMockServer(options().dynamicPort());
    cognito.start();
    System.setProperty("aws.endpointUrlCognitoIdentityProvider", cognito.baseUrl());
    clients = new AwsClients();
  }

  @AfterAll
  static void stop() {
    System.clearProperty("aws.endpointUrlCognitoIdentityProvider");
    clients.close();
    cognito.stop();
  }

  @BeforeEach
  void setUp() {
    cognito.resetAll();
    answer("AdminUpdateUserAttributes", "{}");
    answer("AdminAddUserToGroup", "");
    userHasAttributes(Map.of("sub", SUB, "email", "alice@example.com"));
    table = LocalTenancyCloud.newTable();
    stores = new DynamoTenancyStores(clients.dynamoDb(), table);
    AwsAdapters adapters = new AwsAdapters(clients, AwsSettings.of(Map.of(AwsSettings.TABLE, table)));
    handler = new PostConfirmationHandler(OnboardingBeans.onboarding(adapters, "free", Clock.systemUTC()));
  }

  void answer(String action, String body) {
    cognito.stubFor(post(urlEqualTo("/"))
        .withHeader("X-Amz-Target", equalTo("AWSCognitoIdentityProviderService." + action))
        .willReturn(aResponse().withHeader("Content-Type", "application/x-amz-json-1.1").withBody(body)));
  }

  /** AdminGetUser's documented answer for alice with these attributes. */
  void userHasAttributes(Map<String, String> attributes) {
    List<Map<String, String>> list = attributes.entrySet().stream()
        .map(e -> Map.of("Name", e.getKey(), "Value", e.getValue())).toList();
    answer("AdminGetUser", Json.write(Map.of("Username", SUB, "UserAttributes", list, "UserStatus", "CONFIRMED",
        "Enabled", true, "UserCreateDate", 1.7958672E9, "UserLastModifiedDate", 1.7958672E9)));
  }

  List<JsonNode> sent(String action) {
    return cognito.findAll(postRequestedFor(urlEqualTo("/"))
            .withHeader("X-Amz-Target", equalTo("AWSCognitoIdentityProviderService." + action)))
        .stream().map(request -> {
          try {
            return Json.mapper().readTree(request.getBodyAsString());
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        }).toList();
  }

  JsonNode call(JsonNode event) throws Exception {
    return Json.mapper().readTree(invoke(handler, event.toString()));
  }

  static ObjectNode signUp() throws Exception {
    return (ObjectNode) Json.mapper().readTree(resource("cognito-post-confirmation-sign-up.json"));
  }

  @Test
  void aConfirmedSignUpCreatesATenantOnTheFreePlanSetsCustomTenantAndMakesTheUserItsOwner() throws Exception {
    ObjectNode event = signUp();

    JsonNode answer = call(event);

    assertThat(answer).isEqualTo(event);
    assertThat(sent("AdminUpdateUserAttributes")).singleElement().satisfies(request -> {
      assertThat(request.get("UserPoolId").asText()).isEqualTo("us-east-1_EXAMPLE");
      assertThat(request.get("Username").asText()).isEqualTo(SUB);
      assertThat(request.get("UserAttributes")).isEqualTo(Json.mapper().readTree(
          "[{\"Name\":\"custom:tenant\",\"Value\":\"" + OWN.value() + "\"}]"));
    });
    assertThat(sent("AdminAddUserToGroup")).singleElement().satisfies(request -> {
      assertThat(request.get("UserPoolId").asText()).isEqualTo("us-east-1_EXAMPLE");
      assertThat(request.get("Username").asText()).isEqualTo(SUB);
      assertThat(request.get("GroupName").asText()).isEqualTo("owner");
    });
    assertThat(stores.tenantPlans(Plans.builtIn(), AwsSettings.UNLIMITED_PLAN).assigned(OWN)).contains("free");
    assertThat(stores.auditLog().query(OWN, AuditQuery.latest(10)).items()).singleElement().satisfies(record -> {
      assertThat(record.action()).isEqualTo("tenant:manage");
      assertThat(record.actorId()).isEqualTo(SUB);
    });
  }

  @Test
  void aRetriedTriggerWhoseEventCarriesTheTenantKeepsItAndWritesNoAttribute() throws Exception {
    call(signUp());
    cognito.resetRequests();
    ObjectNode retried = signUp();
    ((ObjectNode) retried.at("/request/userAttributes")).put("custom:tenant", OWN.value());

    JsonNode answer = call(retried);

    assertThat(answer).isEqualTo(retried);
    assertThat(sent("AdminUpdateUserAttributes")).isEmpty();
    assertThat(sent("AdminAddUserToGroup")).hasSize(1);
    assertThat(stores.auditLog().query(OWN, AuditQuery.latest(10)).items()).hasSize(1);
  }

  @Test
  void aRetryAfterTheAttributeWasWrittenFindsItInThePoolAndDoesNotWriteItAgain() throws Exception {
    call(signUp());
    cognito.resetRequests();
    userHasAttributes(Map.of("sub", SUB, "custom:tenant", OWN.value()));

    call(signUp()); // the redelivered event still carries no custom:tenant

    assertThat(sent("AdminGetUser")).hasSize(1);
    assertThat(sent("AdminUpdateUserAttributes")).isEmpty();
    assertThat(sent("AdminAddUserToGroup")).hasSize(1);
  }

  @Test
  void anInvitedMemberOfAnotherTenantIsLeftAloneAndNoTenantIsCreated() throws Exception {
    userHasAttributes(Map.of("sub", SUB, "custom:tenant", "acme"));
    ObjectNode forgotPassword = signUp();
    forgotPassword.put("triggerSource", "PostConfirmation_ConfirmForgotPassword");
    ObjectNode invitedEvent = signUp();
    ((ObjectNode) invitedEvent.at("/request/userAttributes")).put("custom:tenant", "acme");

    assertThat(call(invitedEvent)).isEqualTo(invitedEvent);
    assertThat(call(forgotPassword)).isEqualTo(forgotPassword);

    assertThat(sent("AdminUpdateUserAttributes")).isEmpty();
    assertThat(sent("AdminAddUserToGroup")).isEmpty();
    assertThat(stores.tenantPlans(Plans.builtIn(), AwsSettings.UNLIMITED_PLAN).assigned(OWN)).isEmpty();
    List<AuditRecord> acmeAudit = stores.auditLog().query(TenantId.of("acme"), AuditQuery.latest(10)).items();
    assertThat(acmeAudit).isEmpty();
  }

  @Test
  void otherTriggerSourcesAreAnsweredUnchangedWithoutCallingCognito() throws Exception {
    ObjectNode event = signUp();
    event.put("triggerSource", "PostAuthentication_Authentication");

    assertThat(call(event)).isEqualTo(event);
    assertThat(cognito.getAllServeEvents()).isEmpty();
  }

  @Test
  void whenCognitoRefusesTheInvocationFailsSoCognitoReportsIt() throws Exception {
    cognito.stubFor(post(urlEqualTo("/"))
        .withHeader("X-Amz-Target", equalTo("AWSCognitoIdentityProviderService.AdminAddUserToGroup"))
        .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/x-amz-json-1.1")
            .withBody("{\"__type\":\"ResourceNotFoundException\",\"message\":\"Group not found.\"}")));

    assertThatThrownBy(() -> call(signUp())).hasMessageContaining("Group not found");
    // the tenant exists; the retry Cognito or the user triggers finishes the job without creating another
    answer("AdminAddUserToGroup", "");
    assertThat(call(signUp())).isEqualTo(signUp());
    assertThat(stores.auditLog().query(OWN, AuditQuery.latest(10)).items()).hasSize(1);
  }
}
