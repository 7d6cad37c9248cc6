package dev.ltb.suite.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.InputFormat;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.ltb.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SuiteSchemaTest {

  @Test
  void isAValidDraft202012Schema() {
    var metaSchema =
        SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
            .getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));

    assertThat(metaSchema.validate(SuiteLoader.schema(), InputFormat.JSON)).isEmpty();
  }

  @Test
  void everyTopLevelKeyIsDocumentedInTheSuiteFormatReference() throws IOException {
    JsonNode schema = Json.mapper().readTree(SuiteLoader.schema());
    String doc = Files.readString(Path.of("../../docs/suite-format.md"));
    List<String> undocumented = new ArrayList<>();
    for (var property : schema.get("properties").properties()) {
      String key = property.getKey();
      if (!key.startsWith("$") && !doc.contains("`" + key + "`")) undocumented.add(key);
    }

    assertThat(undocumented).isEmpty();
  }

  @Test
  void runOptionDefaultsInTheReferenceMatchRunOptions() throws IOException {
    String doc = Files.readString(Path.of("../../docs/suite-format.md"));
    Pattern defaultColumn =
        Pattern.compile("\\| `(repeat|maxConcurrency|timeoutMs|maxRetries|shardSize)` \\| [^|]+ \\| `(\\d+)`");
    Matcher row = defaultColumn.matcher(doc);
    List<String> defaults = new ArrayList<>();
    while (row.find()) defaults.add(row.group(1) + "=" + row.group(2));

    var options = dev.ltb.suite.RunOptions.defaults();
    assertThat(defaults)
        .containsExactly(
            "repeat=" + options.repeat(),
            "maxConcurrency=" + options.maxConcurrency(),
            "timeoutMs=" + options.itemTimeout().toMillis(),
            "maxRetries=" + options.maxRetries(),
            "shardSize=" + options.shardSize());
  }
}
