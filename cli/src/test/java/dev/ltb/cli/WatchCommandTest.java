package dev.ltb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ltb.cli.remote.CliProfile;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.java_websocket.WebSocket;
import org.java_websocket.drafts.Draft;
import org.java_websocket.exceptions.InvalidDataException;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.handshake.ServerHandshakeBuilder;
import org.java_websocket.server.WebSocketServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ltb watch} against a WebSocket server on 127.0.0.1 that speaks the progress protocol of
 * docs/api/websocket.md: it accepts only the profile's key (offered as Sec-WebSocket-Protocol), answers the
 * subscription with a backlog and pushes the rest, one message twice.
 */
class WatchCommandTest {

  private static final String KEY = "ltb_k1test_0123456789abcdefghijklmnop";
  private ProtocolServer server;
  @TempDir Path tmp;

  @AfterEach
  void stop() throws InterruptedException {
    if (server != null) server.stop(500);
  }

  private Path profile(String token) throws Exception {
    Path file = tmp.resolve("profile");
    Files.writeString(file, "# ltb profile\ntoken = " + token + "\nws = ws://127.0.0.1:" + server.getPort() + "/prod\n");
    return file;
  }

  private CliRunner.Result watch(String... extra) {
    return new CliRunner(tmp.resolve("history.db")).run(extra);
  }

  @Test
  void followsARunToItsEndWithPlainLinesAndTheSummary() throws Exception {
    server = ProtocolServer.start(List.of(
        "{\"type\":\"items.completed\",\"runId\":\"r1\",\"seq\":2,\"completed\":4,\"totalItems\":8,\"passed\":3,\"failed\":1,\"errors\":0,\"passRate\":0.75}",
        "{\"type\":\"items.completed\",\"runId\":\"r1\",\"seq\":2,\"completed\":4,\"totalItems\":8,\"passed\":3,\"failed\":1,\"errors\":0,\"passRate\":0.75}",
        "{\"type\":\"items.completed\",\"runId\":\"r1\",\"seq\":3,\"completed\":8,\"totalItems\":8,\"passed\":5,\"failed\":2,\"errors\":1,\"passRate\":0.625}",
        "{\"type\":\"run.completed\",\"runId\":\"r1\",\"seq\":4,\"status\":\"COMPLETED\",\"items\":8,\"passed\":5,\"failed\":2,\"errors\":1,\"passRate\":0.625,\"costUsd\":0.0123}"));

    CliRunner.Result result = watch("watch", "r1", "--profile", profile(KEY).toString());

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).contains("Running 8 items (2 shards)")
        .contains("50%  4/8  pass 3  fail 1  error 0")
        .contains("100%  8/8  pass 5  fail 2  error 1")
        .endsWith("Run r1 COMPLETED: 8 items, pass 5, fail 2, error 1, pass rate 62.5%, cost $0.0123\n");
    assertThat(result.out().split("50%", -1)).hasSize(2); // the repeated seq 2 is shown once
    assertThat(server.subscriptions).containsExactly("{\"action\":\"subscribe\",\"runId\":\"r1\"}");
  }

  @Test
  void jsonPrintsEachMessageOnceAndAFailedRunExitsWith3() throws Exception {
    server = ProtocolServer.start(List.of(
        "{\"type\":\"run.failed\",\"runId\":\"r1\",\"seq\":2,\"status\":\"FAILED\",\"reason\":\"plan: no providers\"}"));

    CliRunner.Result result = watch("watch", "r1", "--json", "--profile", profile(KEY).toString());

    assertThat(result.exitCode()).isEqualTo(ExitCodes.RUN_FAILED);
    assertThat(result.out().lines().toList()).extracting(line -> line.replaceAll(".*\"type\":\"([^\"]+)\".*", "$1"))
        .containsExactly("run.started", "run.failed");
  }

  @Test
  void aRefusedKeyAndAnUnknownRunAreInputErrors() throws Exception {
    server = ProtocolServer.start(List.of());

    CliRunner.Result refused = watch("watch", "r1", "--profile", profile("ltb_wrong_key").toString());
    assertThat(refused.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(refused.err()).contains("refused the connection");

    CliRunner.Result unknown = watch("watch", "nope", "--profile", profile(KEY).toString());
    assertThat(unknown.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(unknown.err()).contains("run \"nope\" not found (or not in your tenant)");
  }

  @Test
  void aConnectionTheGatewayClosesIsOpenedAgainAndNothingIsShownTwice() throws Exception {
    server = ProtocolServer.start(List.of(
        "{\"type\":\"items.completed\",\"runId\":\"r1\",\"seq\":2,\"completed\":4,\"totalItems\":8,\"passed\":4,\"failed\":0,\"errors\":0,\"passRate\":1.0}"));
    server.closeFirstConnection = true;
    server.backlogOnReconnect =
        "{\"type\":\"run.started\",\"runId\":\"r1\",\"seq\":1,\"totalItems\":8,\"shardCount\":2},"
            + "{\"type\":\"items.completed\",\"runId\":\"r1\",\"seq\":2,\"completed\":4,\"totalItems\":8,\"passed\":4,\"failed\":0,\"errors\":0,\"passRate\":1.0},"
            + "{\"type\":\"run.cancelled\",\"runId\":\"r1\",\"seq\":3,\"status\":\"CANCELLED\",\"reason\":\"cancelled by user-1\"}";

    CliRunner.Result result = watch("watch", "r1", "--profile", profile(KEY).toString());

    assertThat(result.exitCode()).isEqualTo(ExitCodes.RUN_FAILED);
    assertThat(server.subscriptions).hasSize(2);
    assertThat(result.out().split("Running 8 items", -1)).hasSize(2);
    assertThat(result.out().split("50%", -1)).hasSize(2);
    assertThat(result.out()).endsWith("Run r1 CANCELLED (cancelled by user-1)\n");
  }

  @Test
  void theProfileSaysWhatIsMissing() throws Exception {
    Path empty = Files.writeString(tmp.resolve("empty"), "");

    CliRunner.Result result = watch("watch", "r1", "--ws", "ws://127.0.0.1:9/prod", "--profile", empty.toString());

    assertThat(result.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(result.err()).contains("no credential: set LTB_API_KEY");
  }

  @Test
  void theEnvironmentComesBeforeTheProfile() throws Exception {
    Path file = Files.writeString(tmp.resolve("p"), "token = ltb_from_file\nws = wss://file\n");

    CliProfile profile = CliProfile.resolve(Map.of("LTB_TOKEN", "eyJ.a.b", "LTB_WS_URL", "wss://env"), file);

    assertThat(profile.token()).contains("eyJ.a.b");
    assertThat(profile.webSocketUrl()).contains("wss://env");
    assertThat(CliProfile.resolve(Map.of(), file).token()).contains("ltb_from_file");
    assertThat(CliProfile.defaultFile(Map.of(), Path.of("/home/u"))).isEqualTo(Path.of("/home/u/.config/ltb/profile"));
  }

  /** Accepts KEY offered as a subprotocol (answering it back), knows run r1, backlog = run.started. */
  static final class ProtocolServer extends WebSocketServer {
    final List<String> subscriptions = new CopyOnWriteArrayList<>();
    volatile boolean closeFirstConnection;
    volatile String backlogOnReconnect;
    private final List<String> pushes;
    private final CountDownLatch started = new CountDownLatch(1);

    private ProtocolServer(List<String> pushes) {
      super(new InetSocketAddress("127.0.0.1", 0));
      this.pushes = pushes;
    }

    static ProtocolServer start(List<String> pushes) throws InterruptedException {
      ProtocolServer server = new ProtocolServer(pushes);
      server.start();
      server.started.await(10, TimeUnit.SECONDS);
      return server;
    }

    @Override
    public ServerHandshakeBuilder onWebsocketHandshakeReceivedAsServer(WebSocket conn, Draft draft, ClientHandshake request)
        throws InvalidDataException {
      ServerHandshakeBuilder response = super.onWebsocketHandshakeReceivedAsServer(conn, draft, request);
      List<String> offered = List.of(request.getFieldValue("Sec-WebSocket-Protocol").split(",\\s*"));
      if (!offered.contains(KEY)) throw new InvalidDataException(401, "Unauthorized");
      response.put("Sec-WebSocket-Protocol", KEY);
      return response;
    }

    @Override
    public void onOpen(WebSocket conn, ClientHandshake handshake) {}

    @Override
    public void onClose(WebSocket conn, int code, String reason, boolean remote) {}

    @Override
    public void onMessage(WebSocket conn, String message) {
      subscriptions.add(message);
      if (!message.contains("\"r1\"")) {
        conn.send("{\"type\":\"error\",\"code\":\"run-not-found\",\"message\":\"run \\\"nope\\\" not found\",\"runId\":\"nope\"}");
        return;
      }
      if (subscriptions.size() > 1 && backlogOnReconnect != null) {
        conn.send("{\"type\":\"subscribed\",\"runId\":\"r1\",\"status\":\"CANCELLED\",\"events\":[" + backlogOnReconnect + "]}");
        return;
      }
      conn.send("{\"type\":\"subscribed\",\"runId\":\"r1\",\"status\":\"RUNNING\",\"events\":["
          + "{\"type\":\"run.started\",\"runId\":\"r1\",\"seq\":1,\"totalItems\":8,\"shardCount\":2}]}");
      pushes.forEach(conn::send);
      if (closeFirstConnection) conn.close(1001, "Going away"); // API Gateway's idle timeout
    }

    @Override
    public void onError(WebSocket conn, Exception ex) {}

    @Override
    public void onStart() {
      started.countDown();
    }
  }
}
