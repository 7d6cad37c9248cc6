package dev.ltb.functions.e2e;

/** Suites of the end-to-end tests, written out as a user would upload them (self-contained YAML). */
final class Suites {

  private Suites() {}

  /** Two scripted models and an OpenAI-compatible server; test i expects "yes", "no" or "assist". */
  static String threeProviders(int tests, String openAiBaseUrl, int shardSize) {
    StringBuilder yaml = new StringBuilder();
    yaml.append("description: end-to-end, ").append(tests).append(" tests x 3 providers\n");
    yaml.append("prompts: [\"Answer briefly. Question {{n}}: is {{n}} divisible by three?\"]\n");
    yaml.append("providers:\n");
    yaml.append("  - id: scripted:yes\n    label: yes-model\n    config: {responses: {default: \"yes\"},")
        .append(" costPerMillion: {input: 0.15, output: 0.60}}\n");
    yaml.append("  - id: scripted:no\n    label: no-model\n    config: {responses: {default: \"no, it is not\"}}\n");
    yaml.append(openAi(openAiBaseUrl));
    yaml.append("options: {shardSize: ").append(shardSize).append(", maxConcurrency: 8, maxRetries: 3}\n");
    tests(yaml, tests);
    return yaml.toString();
  }

  /**
   * Only the OpenAI-compatible server, so every item is one request it can count; {@code tag} goes into every
   * prompt, so the requests of this suite's run are told apart from any other run's.
   */
  static String openAiOnly(
      String tag, int tests, String openAiBaseUrl, int shardSize, int maxConcurrency, int maxRetries) {
    StringBuilder yaml = new StringBuilder();
    yaml.append("description: end-to-end, ").append(tests).append(" tests against one HTTP model\n");
    yaml.append("prompts: [\"[").append(tag).append("] Answer briefly. Question {{n}}: is {{n}} divisible by three?\"]\n");
    yaml.append("providers:\n").append(openAi(openAiBaseUrl));
    yaml.append("options: {shardSize: ").append(shardSize).append(", maxConcurrency: ").append(maxConcurrency)
        .append(", maxRetries: ").append(maxRetries).append("}\n");
    tests(yaml, tests);
    return yaml.toString();
  }

  /** One scripted model answering {@code answer} to every question. */
  static String scripted(int tests, int shardSize, String answer) {
    StringBuilder yaml = new StringBuilder();
    yaml.append("description: end-to-end, scripted\n");
    yaml.append("prompts: [\"Answer briefly. Question {{n}}: is {{n}} divisible by three?\"]\n");
    yaml.append("providers:\n  - id: scripted:m\n    config: {responses: {default: \"").append(answer).append("\"}}\n");
    yaml.append("options: {shardSize: ").append(shardSize).append(", maxConcurrency: 4}\n");
    tests(yaml, tests);
    return yaml.toString();
  }

  /** The start of test {@code n}'s prompt in an {@link #openAiOnly} suite (to count its requests). */
  static String question(String tag, int n) {
    return "[" + tag + "] Answer briefly. Question " + n + ":";
  }

  private static String openAi(String baseUrl) {
    return "  - id: openai:chat:gpt-4o-mini\n    label: http-model\n    config: {apiBaseUrl: \"" + baseUrl + "\"}\n";
  }

  private static void tests(StringBuilder yaml, int tests) {
    yaml.append("tests:\n");
    for (int i = 0; i < tests; i++) {
      String expected = switch (i % 3) {
        case 0 -> "yes";
        case 1 -> "no";
        default -> "assist";
      };
      yaml.append("  - vars: {n: \"").append(i).append("\"}\n");
      yaml.append("    assert: [{type: icontains, value: \"").append(expected).append("\"}]\n");
    }
  }
}
