package dev.ltb.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ltb.security.SecretValue;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The receiver snippets of docs/tenancy.md, run against signatures made the way the delivery worker makes them. */
class ReceiverSnippetsTest {

  static final Path DOC = Path.of("../../docs/tenancy.md");
  static final Path THIS_FILE = Path.of("src/test/java/dev/ltb/webhook/ReceiverSnippetsTest.java");
  static final SecretValue SECRET = SecretValue.of("whsec-receiver-test-0001");
  static final byte[] BODY = "{\"id\":\"evt_1\",\"type\":\"run.completed\",\"data\":{\"runId\":\"run-1\"}}"
      .getBytes(StandardCharsets.UTF_8);

  // receiver-java:start
  static boolean verify(String secret, byte[] body, String header, Instant now) throws Exception {
    Long t = null;
    List<String> signatures = new ArrayList<>();
    for (String part : header.split(",")) {
      String[] kv = part.split("=", 2);
      if (kv.length != 2) return false;
      if (kv[0].strip().equals("t") && kv[1].strip().matches("[0-9]{1,12}")) t = Long.parseLong(kv[1].strip());
      if (kv[0].strip().equals("v1")) signatures.add(kv[1].strip());
    }
    if (t == null || Math.abs(now.getEpochSecond() - t) > 300) return false;
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    mac.update((t + ".").getBytes(StandardCharsets.US_ASCII));
    byte[] expected = mac.doFinal(body);
    for (String signature : signatures)
      if (signature.matches("[0-9a-f]{64}") && MessageDigest.isEqual(expected, HexFormat.of().parseHex(signature)))
        return true;
    return false;
  }
  // receiver-java:end

  @Test
  void theJavaSnippetIsTheOneInTheDocsAndAcceptsOnlyGenuineFreshSignatures() throws Exception {
    String source = Files.readString(THIS_FILE);
    String method = source.substring(source.indexOf("// receiver-java:start") + "// receiver-java:start".length(),
        source.indexOf("  // receiver-java:end"));
    assertThat(normalize(codeAfter("<!-- receiver-java -->"))).isEqualTo(normalize(method));

    Instant now = Instant.now();
    String header = LtbSignature.header(SECRET, now, BODY);
    assertThat(verify(SECRET.reveal(), BODY, header, now)).isTrue();
    assertThat(verify(SECRET.reveal(), BODY, header, now.plusSeconds(301))).isFalse();
    assertThat(verify("wrong", BODY, header, now)).isFalse();
    assertThat(verify(SECRET.reveal(), "{}".getBytes(StandardCharsets.UTF_8), header, now)).isFalse();
  }

  @Test
  void thePythonSnippetAcceptsOnlyGenuineFreshSignatures(@TempDir Path dir) throws Exception {
    assumeTrue(python() != null, "python3 is not installed");
    Instant now = Instant.now();
    String good = LtbSignature.header(SECRET, now, BODY);
    String stale = LtbSignature.header(SECRET, now.minusSeconds(600), BODY);
    String script = codeAfter("<!-- receiver-python -->") + "\n"
        + "import sys\n"
        + "body = open(sys.argv[1], 'rb').read()\n"
        + "print(verify(sys.argv[2], body, sys.argv[3]), verify(sys.argv[2], body, sys.argv[4]),"
        + " verify('wrong', body, sys.argv[3]), verify(sys.argv[2], body + b' ', sys.argv[3]))\n";
    Path file = dir.resolve("receiver.py");
    Path body = dir.resolve("body.json");
    Files.writeString(file, script);
    Files.write(body, BODY);

    Process process = new ProcessBuilder(python(), file.toString(), body.toString(), SECRET.reveal(), good, stale)
        .redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();

    assertThat(output).isEqualTo("True False False False");
  }

  private static String python() {
    for (String candidate : List.of("/usr/bin/python3", "/usr/local/bin/python3"))
      if (Files.isExecutable(Path.of(candidate))) return candidate;
    return null;
  }

  private static String codeAfter(String marker) throws IOException {
    String doc = Files.readString(DOC);
    int at = doc.indexOf(marker);
    assertThat(at).as("docs/tenancy.md has " + marker).isPositive();
    int start = doc.indexOf('\n', doc.indexOf("```", at)) + 1;
    return doc.substring(start, doc.indexOf("```", start));
  }

  private static String normalize(String code) {
    return code.lines().map(String::strip).filter(line -> !line.isEmpty()).reduce("", (a, b) -> a + b + "\n");
  }
}
