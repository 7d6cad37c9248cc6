package dev.ltb.wasm.authoring;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Writes a new plugin project ({@code ltb plugin new <name> --lang as|c|wat}): a working evaluator and its
 * manifest, plus, for AssemblyScript and C, a {@code build.sh} that produces {@code dist/<name>.wasm} and
 * {@code dist/plugin.json} with the hash ({@link PluginBuilder} compiles WAT itself).
 */
public final class PluginScaffolder {

  /** The languages a new plugin can be written in. */
  public enum Language {
    /** AssemblyScript with the Extism PDK (npm). */
    AS("as", List.of("package.json", "assembly/index.ts", "assembly/json.ts", "plugin.json", "build.sh")),
    /** C compiled by clang for wasm32, with the header ltb_plugin.h. */
    C("c", List.of("plugin.c", "ltb_plugin.h", "plugin.json", "build.sh")),
    /** WebAssembly text, by hand; {@code ltb plugin build} compiles it (no toolchain to install). */
    WAT("wat", List.of("plugin.wat", "plugin.json"));

    private final String id;
    private final List<String> files;

    Language(String id, List<String> files) {
      this.id = id;
      this.files = files;
    }

    public String id() {
      return id;
    }

    public static Language fromId(String id) {
      for (Language language : values()) if (language.id.equals(id.toLowerCase(Locale.ROOT))) return language;
      throw new IllegalArgumentException(
          "unknown plugin language '" + id + "': use as (AssemblyScript), c or wat (WebAssembly text)");
    }
  }

  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

  /**
   * Creates {@code parent/name} with the project for {@code language}.
   *
   * @return the files written, relative to the new directory
   * @throws IllegalArgumentException when the name is not kebab-case
   * @throws UncheckedIOException when the directory exists or cannot be written
   */
  public List<Path> create(Path parent, String name, Language language) {
    if (name == null || !NAME.matcher(name).matches())
      throw new IllegalArgumentException("plugin name must be kebab-case (e.g. my-check), was " + name);
    Path directory = parent.resolve(name);
    try {
      if (Files.exists(directory)) throw new FileAlreadyExistsException(directory + " already exists");
      List<Path> written = new ArrayList<>();
      for (String template : language.files) {
        String file =
            switch (template) {
              case "plugin.c" -> name + ".c";
              case "plugin.wat" -> name + ".wat";
              default -> template;
            };
        Path target = directory.resolve(file);
        Files.createDirectories(target.getParent());
        Files.writeString(target, render(language, template, name));
        if (file.endsWith(".sh")) Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
        written.add(directory.relativize(target));
      }
      return written;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create plugin " + name + ": " + e.getMessage(), e);
    }
  }

  private static String render(Language language, String template, String name) throws IOException {
    String resource = "templates/" + language.id + "/" + template;
    try (InputStream in = PluginScaffolder.class.getResourceAsStream(resource)) {
      if (in == null) throw new IllegalStateException("missing template " + resource);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("{{name}}", name);
    }
  }
}
