package dev.ltb.cdk.api;

import dev.ltb.cdk.config.CustomDomain;
import dev.ltb.cdk.config.LtbConfig;
import dev.ltb.cdk.construct.LtbFunction;
import dev.ltb.cdk.construct.Nag;
import java.util.List;
import java.util.Optional;
import software.amazon.awscdk.aws_apigatewayv2_integrations.WebSocketLambdaIntegration;
import software.amazon.awscdk.services.apigatewayv2.DomainMappingOptions;
import software.amazon.awscdk.services.apigatewayv2.CfnStage;
import software.amazon.awscdk.services.apigatewayv2.DomainName;
import software.amazon.awscdk.services.apigatewayv2.ThrottleSettings;
import software.amazon.awscdk.services.apigatewayv2.WebSocketApi;
import software.amazon.awscdk.services.apigatewayv2.WebSocketRouteOptions;
import software.amazon.awscdk.services.apigatewayv2.WebSocketStage;
import software.amazon.awscdk.services.certificatemanager.Certificate;
import software.amazon.awscdk.services.iam.IGrantable;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.route53.ARecord;
import software.amazon.awscdk.services.route53.HostedZone;
import software.amazon.awscdk.services.route53.HostedZoneAttributes;
import software.amazon.awscdk.services.route53.RecordTarget;
import software.amazon.awscdk.services.route53.targets.ApiGatewayv2DomainProperties;
import software.constructs.Construct;

/**
 * The WebSocket API (docs/api/websocket.md): {@code $connect}, {@code $disconnect}, {@code subscribe} and
 * {@code unsubscribe} (chosen by the message's {@code action}) go to the websocket function; one throttled,
 * access-logged stage. {@code $connect} is authenticated by the function itself, with the core's authenticator:
 * the token comes in the {@code token} query parameter or in {@code Sec-WebSocket-Protocol} (browsers can set no
 * other header), and a REQUEST authorizer's identity source can name only one of them.
 */
public final class WebSocketApiConstruct extends Construct {
  public static final String ROUTE_SELECTION = "$request.body.action";
  public static final List<String> MESSAGE_ROUTES = List.of("subscribe", "unsubscribe");
  /** Where clients put their JWT or API key when connecting (the function reads both). */
  public static final List<String> TOKEN_PLACES = List.of("route.request.querystring.token", "route.request.header.Sec-WebSocket-Protocol");

  static final String ACCESS_LOG_FORMAT =
      "{\"requestId\":\"$context.requestId\",\"ip\":\"$context.identity.sourceIp\","
          + "\"requestTime\":\"$context.requestTime\",\"routeKey\":\"$context.routeKey\","
          + "\"eventType\":\"$context.eventType\",\"status\":\"$context.status\","
          + "\"connectionId\":\"$context.connectionId\",\"error\":\"$context.error.message\"}";

  private final WebSocketApi api;
  private final WebSocketStage stage;
  private final Optional<DomainName> domain;
  private final Optional<String> customUrl;

  public WebSocketApiConstruct(
      Construct scope, String id, LtbConfig config, LtbFunction handler) {
    super(scope, id);
    this.api =
        WebSocketApi.Builder.create(this, "Api")
            .apiName("ltb-" + config.stage() + "-websocket")
            .description("Run progress for subscribers (" + config.stage() + ")")
            .routeSelectionExpression(ROUTE_SELECTION)
            .connectRouteOptions(
                WebSocketRouteOptions.builder()
                    .integration(new WebSocketLambdaIntegration("Connect", handler.alias()))
                    .build())
            .disconnectRouteOptions(
                WebSocketRouteOptions.builder()
                    .integration(new WebSocketLambdaIntegration("Disconnect", handler.alias()))
                    .build())
            .build();
    for (String route : MESSAGE_ROUTES) {
      api.addRoute(
          route,
          WebSocketRouteOptions.builder()
              .integration(new WebSocketLambdaIntegration(capitalized(route), handler.alias()))
              .returnResponse(true)
              .build());
    }

    LogGroup accessLogs =
        LogGroup.Builder.create(this, "AccessLogs")
            .logGroupName("/ltb/" + config.stage() + "/api/websocket-access")
            .retention(config.logRetention())
            .removalPolicy(config.removalPolicy())
            .build();
    this.domain = config.customDomain().map(this::customDomain);
    this.customUrl = config.customDomain().map(custom -> "wss://" + custom.webSocketName());
    WebSocketStage.Builder stageBuilder =
        WebSocketStage.Builder.create(this, "Stage")
            .webSocketApi(api)
            .stageName(config.stage())
            .autoDeploy(true)
            .detailedMetricsEnabled(true)
            .throttle(
                ThrottleSettings.builder()
                    .rateLimit(config.webSocketThrottle().rateLimit())
                    .burstLimit(config.webSocketThrottle().burstLimit())
                    .build());
    domain.ifPresent(name -> stageBuilder.domainMapping(DomainMappingOptions.builder().domainName(name).build()));
    this.stage = stageBuilder.build();
    // The L2 stage takes access log settings only through a jsii interface; the L1 property says the same.
    ((CfnStage) stage.getNode().getDefaultChild())
        .setAccessLogSettings(
            CfnStage.AccessLogSettingsProperty.builder()
                .destinationArn(accessLogs.getLogGroupArn())
                .format(ACCESS_LOG_FORMAT)
                .build());

    Nag.suppress(
        api,
        "AwsSolutions-APIG4",
        "WebSocket APIs authenticate at $connect only: the websocket function verifies the API key or JWT (query"
            + " string or Sec-WebSocket-Protocol) and refuses the connection with 401; later routes run on that"
            + " authenticated connection");
  }

  private DomainName customDomain(CustomDomain custom) {
    DomainName name =
        DomainName.Builder.create(this, "Domain")
            .domainName(custom.webSocketName())
            .certificate(Certificate.fromCertificateArn(this, "Certificate", custom.certificateArn()))
            .build();
    ARecord.Builder.create(this, "Record")
        .zone(
            HostedZone.fromHostedZoneAttributes(
                this,
                "Zone",
                HostedZoneAttributes.builder().hostedZoneId(custom.hostedZoneId()).zoneName(custom.domainName()).build()))
        .recordName(custom.webSocketName())
        .target(
            RecordTarget.fromAlias(
                new ApiGatewayv2DomainProperties(name.getRegionalDomainName(), name.getRegionalHostedZoneId())))
        .build();
    return name;
  }

  private static String capitalized(String route) {
    return Character.toUpperCase(route.charAt(0)) + route.substring(1);
  }

  /** Lets the progress publisher post to connections of this stage (and delete gone ones). */
  public void grantPush(IGrantable grantee) {
    stage.grantManagementApiAccess(grantee);
  }

  public WebSocketApi api() {
    return api;
  }

  public WebSocketStage stage() {
    return stage;
  }

  /** wss:// URL clients connect to. */
  public String url() {
    return customUrl.orElse(stage.getUrl());
  }

  /** https:// URL of the Management API for this stage. */
  public String callbackUrl() {
    return stage.getCallbackUrl();
  }
}
