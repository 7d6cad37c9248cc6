package dev.ltb.wasm.authoring;

import com.dylibso.chicory.wabt.Wat2Wasm;

/** WebAssembly text to a module, with wabt's wat2wasm compiled to Java: no toolchain to install. */
public final class WatCompiler {

  private WatCompiler() {}

  /**
   * @param source WAT text
   * @param name the file's name, for messages
   * @throws PluginBuildException with wat2wasm's message when the text is not valid WAT
   */
  public static byte[] compile(String source, String name) {
    try {
      return Wat2Wasm.parse(source);
    } catch (RuntimeException e) {
      String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip();
      throw new PluginBuildException(name + " is not valid WebAssembly text: " + message, e);
    }
  }
}
