package dev.ltb.functions;

import dev.ltb.provider.AbstractEmbeddingProvider;
import dev.ltb.provider.Embedding;
import dev.ltb.provider.ProviderException;

/**
 * The default embedding model of {@code similar} in the Lambda package: none. The embedded
 * all-MiniLM-L6-v2 (ONNX Runtime for every platform plus the model, about 190 MB) would push the package past
 * Lambda's 250 MB limit, so it is left out (see the functions pom) and an assertion that relies on it fails
 * with a message that says what to write instead; every other evaluator works as in {@code ltb run}.
 */
final class NoEmbeddedModel extends AbstractEmbeddingProvider {

  static final NoEmbeddedModel INSTANCE = new NoEmbeddedModel();

  private NoEmbeddedModel() {
    super("embedded:none");
  }

  @Override
  protected Embedding doEmbed(String text) {
    throw new ProviderException.InvalidRequest(
        "the embedded all-MiniLM-L6-v2 model is not available in the cloud runtime; give the similar assertion"
            + " an embedding provider, e.g. provider: openai:embedding:text-embedding-3-small",
        0);
  }
}
