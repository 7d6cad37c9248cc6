package dev.ltb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {

  @TempDir Path dir;

  @Test
  void aValidSuiteIsDescribed() {
    var result = new CliRunner(dir.resolve("h.db")).run("validate", QuickstartTest.QUICKSTART.toString());
    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).contains("is valid: 2 prompt(s), 3 provider(s), 21 test(s), 126 item(s) per run");
  }

  @Test
  void providersFromTheAwsAdapterAreKnownToTheCli() throws Exception {
    Path suite = dir.resolve("bedrock.yaml");
    Files.writeString(suite, """
        prompts: ["Say hi"]
        providers:
          - id: bedrock:anthropic.claude-3-5-haiku-20241022-v1:0
            config: {region: us-east-1}
        tests: [{assert: [{type: icontains, value: hi}]}]
        """);
    var result = new CliRunner(dir.resolve("h.db")).run("validate", suite.toString());
    assertThat(result.exitCode()).as(result.err()).isZero();
  }

  @Test
  void anInvalidSuiteNamesFileLineColumnAndFieldAndCallsNothing() throws Exception {
    Path suite = dir.resolve("bad.yaml");
    Files.writeString(suite, """
        prompts: ["Say {{word}}"]
        providers: [echo]
        tests:
          - vars: {word: hi}
            assert:
              - type: contians
                value: hi
        """);
    var result = new CliRunner(dir.resolve("h.db")).run("run", suite.toString());

    assertThat(result.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(result.err()).contains("bad.yaml:6:", "tests[0].assert[0].type", "contians", "contains");
    assertThat(result.out()).doesNotContain("Running");
  }
}
