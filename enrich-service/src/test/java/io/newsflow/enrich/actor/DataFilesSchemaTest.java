package io.newsflow.enrich.actor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every gazetteer file and the theme taxonomy against their JSON Schemas, so an edit of the data that
 * the loaders would happen to accept still cannot drift from the schema editors read.
 */
class DataFilesSchemaTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
  private static final JsonSchema GAZETTEER_FILE = FACTORY.getSchema(SchemaLocation.of("classpath:gazetteer/gazetteer.schema.json"));
  private static final JsonSchema TAXONOMY = FACTORY.getSchema(SchemaLocation.of("classpath:taxonomy/themes.schema.json"));

  @Test
  void everyGazetteerFileListedInTheIndexMatchesTheGazetteerSchema() throws IOException {
    List<String> files = new ArrayList<>();
    read("gazetteer/index.json").get("files").forEach(f -> files.add(f.asText()));
    assertThat(files).isNotEmpty();
    for (String file : files) {
      JsonNode data = read("gazetteer/" + file);
      assertThat(data.get("actors")).as(file).isNotEmpty();
      assertThat(GAZETTEER_FILE.validate(data)).as("gazetteer/%s", file).isEmpty();
    }
  }

  @Test
  void theTaxonomyMatchesItsSchema() throws IOException {
    assertThat(TAXONOMY.validate(read("taxonomy/themes.json"))).isEmpty();
  }

  @Test
  void schemasRejectEntriesTheLoadersWouldMisread() throws IOException {
    ObjectNode states = (ObjectNode) read("gazetteer/states.json");
    ObjectNode kazakhstan = (ObjectNode) states.get("actors").get(0);
    kazakhstan.put("id", "Kazakhstan");                 // not an alpha-3 code
    kazakhstan.put("wikidata", "232");                   // not a Q-id
    Set<ValidationMessage> stateErrors = GAZETTEER_FILE.validate(states);
    assertThat(stateErrors).extracting(ValidationMessage::getInstanceLocation).map(Object::toString)
        .anyMatch(l -> l.contains("id")).anyMatch(l -> l.contains("wikidata"));

    ObjectNode taxonomy = (ObjectNode) read("taxonomy/themes.json");
    ArrayNode themes = (ArrayNode) taxonomy.get("themes");
    ((ObjectNode) themes.get(0)).put("surprise", true);  // no such key: a typo of a real one is caught
    assertThat(TAXONOMY.validate(taxonomy)).isNotEmpty();
  }

  private static JsonNode read(String resource) throws IOException {
    try (InputStream in = DataFilesSchemaTest.class.getClassLoader().getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      return JSON.readTree(in);
    }
  }
}
