package dev.ltb.plugin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * A plugin on disk. A path may name a plugin folder (its built {@code dist/plugin.json} when there is one,
 * else its {@code plugin.json}), a {@code plugin.json}, or a {@code .wasm} with its {@code plugin.json} beside it.
 */
public final class PluginFiles {

  static final String MANIFEST = "plugin.json";

  private PluginFiles() {}

  /**
   * The manifest a path stands for.
   *
   * @throws PluginException.NotFound when there is nothing at the path or no manifest where one is expected
   */
  public static Path manifestFile(Path path) {
    if (Files.isDirectory(path)) {
      Path built = path.resolve("dist").resolve(MANIFEST);
      if (Files.isRegularFile(built)) return built;
      Path manifest = path.resolve(MANIFEST);
      if (Files.isRegularFile(manifest)) return manifest;
      throw new PluginException.NotFound(
          "no " + MANIFEST + " in " + path + " (nor in its dist/ folder): point at a built plugin, e.g. the dist/"
              + " folder its build wrote, or build it first (ltb plugin build " + path + ")");
    }
    if (!Files.exists(path)) throw new PluginException.NotFound("no such file or folder: " + path);
    if (path.getFileName().toString().endsWith(".json")) return path;
    Path beside = path.resolveSibling(MANIFEST);
    if (!Files.isRegularFile(beside))
      throw new PluginException.NotFound(
          "no " + MANIFEST + " beside " + path + ": a module needs its manifest (its build writes both)");
    return beside;
  }

  /**
   * Reads the manifest and the module it names, and checks the module's bytes against the manifest's hash.
   *
   * @throws PluginException.NotFound when a file is missing
   * @throws PluginException.InvalidManifest when the manifest is invalid or the hash differs
   */
  public static PluginPackage read(Path path) {
    Path manifestFile = manifestFile(path);
    PluginManifest manifest = PluginManifest.parse(readText(manifestFile), manifestFile.toString());
    Path moduleFile = manifestFile.resolveSibling(manifest.module());
    byte[] module;
    try {
      module = Files.readAllBytes(moduleFile);
    } catch (NoSuchFileException e) {
      throw new PluginException.NotFound(
          "no module " + moduleFile + " (named by " + manifestFile + "): build the plugin, or fix \"module\"");
    } catch (IOException e) {
      throw new PluginException.NotFound("cannot read " + moduleFile + ": " + e.getMessage());
    }
    ModuleHash.check(manifest, module);
    return new PluginPackage(manifest, module, manifestFile.toString());
  }

  private static String readText(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new PluginException.NotFound("cannot read " + file + ": " + e.getMessage());
    }
  }
}
