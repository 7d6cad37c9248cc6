package dev.ltb.plugin;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The content hash plugins are identified by: SHA-256 of the module's bytes, lowercase hex. */
public final class ModuleHash {

  private ModuleHash() {}

  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  /**
   * Fails unless the module's bytes have the hash its manifest states.
   *
   * @throws PluginException.InvalidManifest naming both hashes and what to do
   */
  public static void check(PluginManifest manifest, byte[] module) {
    String actual = sha256(module);
    if (!actual.equals(manifest.sha256()))
      throw new PluginException.InvalidManifest(
          "plugin " + manifest.name() + ": the module's SHA-256 is " + actual + " but plugin.json says "
              + manifest.sha256() + "; the module changed since its manifest was written: rebuild the plugin "
              + "(its build writes sha256) or load the module the manifest was made for");
  }
}
