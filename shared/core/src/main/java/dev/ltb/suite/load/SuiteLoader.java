package dev.ltb.suite.load;

import dev.ltb.dataset.DatasetFormat;
import dev.ltb.dataset.TenantDatasets;
import dev.ltb.suite.Suite;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Loads a suite file (YAML or JSON, promptfoo's vocabulary) with everything it references, validates it
 * against {@code suite.schema.json} and the bench's vocabulary, and resolves it into a {@link Suite}:
 * {@code file://} prompts and tests read, {@code defaultTest} merged into every test, list vars expanded.
 *
 * <p>A suite with problems is never returned: {@link SuiteValidationException} lists them all, each as
 * {@code file:line:column: field: message} pointing at the node the user wrote. Thread-safe; reusable.
 */
public final class SuiteLoader {

  private final SuiteVocabulary vocabulary;
  private final TenantDatasets datasets;

  public SuiteLoader(SuiteVocabulary vocabulary) {
    this(vocabulary, TenantDatasets.NONE);
  }

  private SuiteLoader(SuiteVocabulary vocabulary, TenantDatasets datasets) {
    this.vocabulary = Objects.requireNonNull(vocabulary, "vocabulary");
    this.datasets = Objects.requireNonNull(datasets, "datasets");
  }

  /** This loader finding and checking plugins through {@code plugins} (e.g. a tenant's uploaded ones). */
  public SuiteLoader withPlugins(dev.ltb.plugin.PluginSupport plugins) {
    return new SuiteLoader(
        new SuiteVocabulary(
            vocabulary.assertionTypes(), vocabulary.typesRequiringValue(), vocabulary.providerSupported(), plugins),
        datasets);
  }

  /**
   * This loader reading {@code tests: dataset://...} from {@code datasets} (a tenant's uploaded ones); without it a
   * dataset reference is refused with a message saying to name the file instead.
   */
  public SuiteLoader withDatasets(TenantDatasets datasets) {
    return new SuiteLoader(vocabulary, datasets);
  }

  /** Loads {@code file}; references resolve against its directory and messages name it as given. */
  public Suite load(Path file) {
    String name = file.toString();
    String text;
    try {
      text = Files.readString(file);
    } catch (NoSuchFileException e) {
      throw failure(name, "no such file (looked for " + file.toAbsolutePath().normalize() + ")");
    } catch (CharacterCodingException e) {
      throw failure(name, "the file is not UTF-8 text");
    } catch (IOException e) {
      throw failure(name, "cannot read the file: " + e.getMessage());
    }
    Path directory = file.toAbsolutePath().getParent();
    return parse(text, name, directory);
  }

  /**
   * Parses suite text.
   *
   * @param sourceName the name used in messages and to pick the syntax ({@code .json} is JSON, anything
   *     else YAML); referenced files are named relative to it
   * @param baseDir the directory {@code file://} references resolve against
   */
  public Suite parse(String text, String sourceName, Path baseDir) {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(sourceName, "sourceName");
    Path directory = baseDir == null ? Path.of("") : baseDir;
    return new LoadSession(vocabulary, datasets, sourceName, directory).load(text);
  }

  /**
   * Reads a tests file's text as {@code tests: file://...} would (the same readers, schema and vocabulary checks)
   * without a suite around it: how an uploaded dataset is checked before suites may use it.
   *
   * @param name the file as messages name it
   * @return how many test cases it holds
   * @throws SuiteValidationException listing every problem, each with its line
   */
  public int countTests(String name, DatasetFormat format, String text) {
    Objects.requireNonNull(text, "text");
    return new LoadSession(vocabulary, TenantDatasets.NONE, name, Path.of("")).countTests(name, format, text);
  }

  /** The JSON Schema every suite is checked against (draft 2020-12), for editors and {@code ltb schema}. */
  public static String schema() {
    return SuiteSchema.text();
  }

  private static SuiteValidationException failure(String file, String message) {
    return new SuiteValidationException(List.of(new SuiteProblem(file, 1, 1, "", message)));
  }
}
