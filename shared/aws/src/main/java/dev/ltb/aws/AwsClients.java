package dev.ltb.aws;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.apigatewaymanagementapi.ApiGatewayManagementApiClient;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * The synchronous AWS clients of a process, each built once on first use and shared (build one
 * {@code AwsClients} per Lambda container, outside the handler). Cold-start friendly: one light
 * URL-connection HTTP client for all of them, no client built that the function never uses.
 *
 * <p>Region, credentials and endpoints come only from the SDK's standard configuration: {@code AWS_REGION},
 * the default credentials chain, {@code AWS_ENDPOINT_URL} / {@code AWS_ENDPOINT_URL_<SERVICE>} (or the
 * {@code aws.endpointUrl*} system properties). That is how tests reach the local emulators; production code
 * has no switch for them. The SDK's standard retry strategy applies (throttling, 5xx).
 */
public final class AwsClients implements AutoCloseable {

  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
  private static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(30);

  private final SdkHttpClient http;
  private final List<Lazy<? extends SdkClient>> clients = new ArrayList<>();
  private final Lazy<DynamoDbClient> dynamoDb;
  private final Lazy<DynamoDbEnhancedClient> dynamoDbEnhanced;
  private final Lazy<S3Client> s3;
  private final Lazy<SfnClient> sfn;
  private final Lazy<LambdaClient> lambda;
  private final Lazy<SecretsManagerClient> secretsManager;
  private final Lazy<SsmClient> ssm;
  private final Lazy<SqsClient> sqs;
  private final Lazy<CognitoIdentityProviderClient> cognito;
  private final Lazy<StsClient> sts;
  private final List<SdkClient> withOwnCredentials = new java.util.concurrent.CopyOnWriteArrayList<>();
  private final Map<URI, ApiGatewayManagementApiClient> managementClients = new ConcurrentHashMap<>();

  public AwsClients() {
    this.http =
        UrlConnectionHttpClient.builder().connectionTimeout(CONNECT_TIMEOUT).socketTimeout(SOCKET_TIMEOUT).build();
    this.dynamoDb = client(() -> DynamoDbClient.builder().httpClient(http).build());
    this.dynamoDbEnhanced = new Lazy<>(() -> DynamoDbEnhancedClient.builder().dynamoDbClient(dynamoDb()).build());
    this.s3 = client(() -> S3Client.builder().httpClient(http).build());
    this.sfn = client(() -> SfnClient.builder().httpClient(http).build());
    this.lambda = client(() -> LambdaClient.builder().httpClient(http).build());
    this.secretsManager = client(() -> SecretsManagerClient.builder().httpClient(http).build());
    this.ssm = client(() -> SsmClient.builder().httpClient(http).build());
    this.sqs = client(() -> SqsClient.builder().httpClient(http).build());
    this.cognito = client(() -> CognitoIdentityProviderClient.builder().httpClient(http).build());
    this.sts = client(() -> StsClient.builder().httpClient(http).build());
  }

  private <C extends SdkClient> Lazy<C> client(Supplier<C> build) {
    Lazy<C> lazy = new Lazy<>(build);
    clients.add(lazy);
    return lazy;
  }

  public DynamoDbClient dynamoDb() {
    return dynamoDb.get();
  }

  public DynamoDbEnhancedClient dynamoDbEnhanced() {
    return dynamoDbEnhanced.get();
  }

  public S3Client s3() {
    return s3.get();
  }

  public SfnClient sfn() {
    return sfn.get();
  }

  public LambdaClient lambda() {
    return lambda.get();
  }

  public SecretsManagerClient secretsManager() {
    return secretsManager.get();
  }

  /** The Management API client of one WebSocket stage (its callback URL), built once per endpoint. */
  public ApiGatewayManagementApiClient apiGatewayManagement(URI callbackUrl) {
    return managementClients.computeIfAbsent(
        callbackUrl, url -> ApiGatewayManagementApiClient.builder().httpClient(http).endpointOverride(url).build());
  }

  public SsmClient ssm() {
    return ssm.get();
  }

  public CognitoIdentityProviderClient cognito() {
    return cognito.get();
  }

  public SqsClient sqs() {
    return sqs.get();
  }

  public StsClient sts() {
    return sts.get();
  }

  /** A further DynamoDB client on the shared HTTP client that signs with {@code credentials}; closed with these. */
  public DynamoDbClient dynamoDbSignedBy(AwsCredentialsProvider credentials) {
    DynamoDbClient client = DynamoDbClient.builder().httpClient(http).credentialsProvider(credentials).build();
    withOwnCredentials.add(client);
    return client;
  }

  /** A further S3 client on the shared HTTP client that signs with {@code credentials}; closed with these. */
  public S3Client s3SignedBy(AwsCredentialsProvider credentials) {
    S3Client client = S3Client.builder().httpClient(http).credentialsProvider(credentials).build();
    withOwnCredentials.add(client);
    return client;
  }

  /** Closes the clients that were built, then the shared HTTP client. */
  @Override
  public void close() {
    withOwnCredentials.forEach(SdkClient::close);
    for (Lazy<? extends SdkClient> client : clients) client.ifBuilt(SdkClient::close);
    managementClients.values().forEach(SdkClient::close);
    http.close();
  }

  private static final class Lazy<T> {
    private final Supplier<T> build;
    private volatile T value;

    Lazy(Supplier<T> build) {
      this.build = build;
    }

    T get() {
      T current = value;
      if (current == null) {
        synchronized (this) {
          current = value;
          if (current == null) {
            current = build.get();
            value = current;
          }
        }
      }
      return current;
    }

    void ifBuilt(java.util.function.Consumer<T> action) {
      T current = value;
      if (current != null) action.accept(current);
    }
  }
}
