package io.newsflow.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.newsflow.model.article.ActorTag;
import io.newsflow.model.article.DatedEvent;
import io.newsflow.model.article.Dedupe;
import io.newsflow.model.article.EnrichedArticle;
import io.newsflow.model.article.RawArticle;
import io.newsflow.model.article.Span;
import io.newsflow.model.article.ThemeTag;
import io.newsflow.model.feed.FeedChanged;
import io.newsflow.model.feed.FeedDefinition;
import io.newsflow.model.json.EventDecodingException;
import io.newsflow.model.json.EventJson;
import io.newsflow.model.topic.Topic;
import io.newsflow.model.topic.Topics;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Holds the Java records and the JSON Schemas that subscribers read together. */
class ContractSchemaTest {

  private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
      builder -> builder.schemaMappers(m -> m.mapPrefix("https://newsflow.io/schemas/", "classpath:schemas/")));

  private static JsonSchema schemaOf(Topic<?> topic) {
    SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
    return FACTORY.getSchema(SchemaLocation.of("classpath:" + topic.schema()), config);
  }

  private static Set<String> validate(Topic<?> topic, Object event) {
    JsonNode json = EventJson.mapper().valueToTree(event);
    return messages(schemaOf(topic).validate(json));
  }

  private static Set<String> messages(Set<ValidationMessage> found) {
    Set<String> out = new TreeSet<>();
    found.forEach(m -> out.add(m.getMessage()));
    return out;
  }

  @Test
  void everySampleEventIsValidAgainstItsTopicSchema() {
    assertThat(validate(Topics.RAW_ARTICLES, SampleEvents.rawArticle())).isEmpty();
    assertThat(validate(Topics.RAW_ARTICLES, SampleEvents.minimalRawArticle())).isEmpty();
    assertThat(validate(Topics.ENRICHED_ARTICLES, SampleEvents.enrichedArticle())).isEmpty();
    assertThat(validate(Topics.FEEDS, SampleEvents.feedChanged())).isEmpty();
  }

  @Test
  void schemaRejectsAnEventMissingARequiredField() {
    ObjectNode json = EventJson.mapper().valueToTree(SampleEvents.rawArticle());
    json.remove("articleId");
    assertThat(messages(schemaOf(Topics.RAW_ARTICLES).validate(json))).anyMatch(m -> m.contains("articleId"));
  }

  @Test
  void everyRecordComponentIsDescribedBySchemaAndNothingElse() {
    JsonNode raw = schemaJson(Topics.RAW_ARTICLES);
    JsonNode enriched = schemaJson(Topics.ENRICHED_ARTICLES);
    JsonNode feeds = schemaJson(Topics.FEEDS);
    Map<Class<?>, JsonNode> described = Map.of(
        RawArticle.class, raw,
        EnrichedArticle.class, enriched,
        Dedupe.class, enriched.at("/$defs/Dedupe"),
        ActorTag.class, enriched.at("/$defs/ActorTag"),
        ThemeTag.class, enriched.at("/$defs/ThemeTag"),
        DatedEvent.class, enriched.at("/$defs/DatedEvent"),
        Span.class, enriched.at("/$defs/Span"),
        FeedChanged.class, feeds,
        FeedDefinition.class, feeds.at("/$defs/FeedDefinition"));
    described.forEach((type, schema) -> {
      Set<String> components = new TreeSet<>(Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toList());
      Set<String> properties = new TreeSet<>();
      Iterator<String> names = schema.get("properties").fieldNames();
      names.forEachRemaining(properties::add);
      assertThat(properties).as("schema properties of %s", type.getSimpleName()).isEqualTo(components);
    });
  }

  @Test
  void schemaVersionInSchemaMatchesTheRecordConstant() {
    assertThat(schemaJson(Topics.RAW_ARTICLES).at("/properties/schemaVersion/const").asInt()).isEqualTo(RawArticle.SCHEMA_VERSION);
    assertThat(schemaJson(Topics.ENRICHED_ARTICLES).at("/properties/schemaVersion/const").asInt()).isEqualTo(EnrichedArticle.SCHEMA_VERSION);
    assertThat(schemaJson(Topics.FEEDS).at("/properties/schemaVersion/const").asInt()).isEqualTo(FeedChanged.SCHEMA_VERSION);
  }

  @Test
  void eventsRoundTripThroughTheCodec() {
    Object[] events = {SampleEvents.rawArticle(), SampleEvents.enrichedArticle(), SampleEvents.feedChanged()};
    for (Object event : events) {
      assertThat(EventJson.fromBytes(EventJson.toBytes(event), event.getClass())).isEqualTo(event);
    }
  }

  @Test
  void topicNamesCarryTheirSchemaMajorVersion() {
    for (Topic<?> topic : Topics.ALL) {
      assertThat(topic.name()).endsWith(".v1");
      assertThat(topic.schema()).endsWith(".v1.json");
      assertThat(topic.deadLetter()).isEqualTo(topic.name() + ".dlt");
    }
  }

  @Test
  void malformedValueIsReportedAsADecodingError() {
    assertThatThrownBy(() -> EventJson.fromJson("{\"eventId\": \"x\"}", RawArticle.class))
        .isInstanceOf(EventDecodingException.class)
        .hasMessageContaining("RawArticle");
    assertThatThrownBy(() -> EventJson.fromJson("not json", EnrichedArticle.class)).isInstanceOf(EventDecodingException.class);
    assertThatThrownBy(() -> EventJson.fromBytes(null, FeedChanged.class)).hasMessageContaining("tombstone");
    assertThatThrownBy(() -> EventJson.fromJson("null", EnrichedArticle.class))
        .isInstanceOf(EventDecodingException.class).hasMessageContaining("JSON null");
    assertThatThrownBy(() -> EventJson.fromJson("  ", RawArticle.class)).isInstanceOf(EventDecodingException.class);
  }

  private static JsonNode schemaJson(Topic<?> topic) {
    try (var in = ContractSchemaTest.class.getClassLoader().getResourceAsStream(topic.schema())) {
      return EventJson.mapper().readTree(in);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
