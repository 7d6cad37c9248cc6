package dev.ltb.cdk.appsync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs an APPSYNC_JS resolver of {@code cdk/src/main/resources/appsync} in Node with a stand-in for the parts of
 * {@code @aws-appsync/utils} it uses, as AppSync documents them: {@code util.unauthorized()} ends the request
 * as unauthorized, {@code util.transform.toSubscriptionFilter({field: {op: value}})} gives {@code {"filterGroup":
 * [{"filters": [{"fieldName", "operator", "value"}]}]}}, {@code extensions.setSubscriptionFilter(f)} installs it.
 */
final class AppSyncJs {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static final String RUNTIME =
      """
      let installedFilter = undefined;
      class Unauthorized extends Error {}
      const util = {
        unauthorized() { throw new Unauthorized('Unauthorized'); },
        error(message, type) { throw new Error((type ? type + ': ' : '') + message); },
        transform: {
          toSubscriptionFilter(simple) {
            const filters = [];
            for (const fieldName of Object.keys(simple)) {
              for (const operator of Object.keys(simple[fieldName])) {
                filters.push({ fieldName, operator, value: simple[fieldName][operator] });
              }
            }
            return { filterGroup: [{ filters }] };
          },
        },
      };
      const extensions = { setSubscriptionFilter(filter) { installedFilter = filter; } };
      """;

  private static final String MAIN =
      """
      const [handler, ctxJson] = process.argv.slice(2);
      const ctx = JSON.parse(ctxJson);
      try {
        const request = handler === 'request' ? request_(ctx) : undefined;
        const result = handler === 'response' ? response_(ctx) : undefined;
        console.log(JSON.stringify({ request, result, filter: installedFilter }));
      } catch (e) {
        console.log(JSON.stringify({ error: e instanceof Unauthorized ? 'Unauthorized' : String(e.message) }));
      }
      """;

  private AppSyncJs() {}

  /** Runs {@code request} or {@code response} of the resource with {@code ctx}; the answer's fields are
   * {@code request}, {@code result}, {@code filter} (what setSubscriptionFilter received) or {@code error}. */
  static JsonNode run(String resource, String handler, Object ctx) {
    String code = source(resource)
        .replaceAll("(?m)^import .*@aws-appsync/utils.*$", "")
        .replace("export function request(", "function request_(")
        .replace("export function response(", "function response_(");
    try {
      Path script = Files.createTempFile("appsync-", ".js");
      try {
        Files.writeString(script, RUNTIME + code + MAIN);
        Process node =
            new ProcessBuilder(List.of(node(), script.toString(), handler, JSON.writeValueAsString(ctx)))
                .redirectErrorStream(true)
                .start();
        String out = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!node.waitFor(30, TimeUnit.SECONDS) || node.exitValue() != 0)
          throw new IllegalStateException("node failed: " + out);
        return JSON.readTree(out.lines().reduce((a, b) -> b).orElseThrow());
      } finally {
        Files.deleteIfExists(script);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String node() {
    String jsii = System.getenv("JSII_NODE");
    return jsii != null && Files.isExecutable(Path.of(jsii)) ? jsii : "node";
  }

  private static String source(String resource) {
    try (InputStream in = AppSyncJs.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) throw new IllegalStateException("missing resource " + resource);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
