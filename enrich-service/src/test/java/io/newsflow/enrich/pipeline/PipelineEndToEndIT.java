package io.newsflow.enrich.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.enrich.EnrichApplication;
import io.newsflow.enrich.support.RawArticles;
import io.newsflow.enrich.support.TopicReader;
import io.newsflow.localstack.EmbeddedKafkaBroker;
import io.newsflow.localstack.Ports;
import io.newsflow.model.article.ActorTag;
import io.newsflow.model.article.DedupeVerdict;
import io.newsflow.model.article.EnrichedArticle;
import io.newsflow.model.article.RawArticle;
import io.newsflow.model.article.ThemeTag;
import io.newsflow.model.json.EventJson;
import io.newsflow.model.topic.Topics;
import io.newsflow.model.topic.Topics.DeadLetterHeaders;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The service on a real broker: raw records in, enriched records and dead letters out. */
class PipelineEndToEndIT {

  static final int RAW_PARTITIONS = 4;
  static final Duration WAIT = Duration.ofSeconds(60);
  static final Instant PUBLISHED = Instant.parse("2024-09-12T07:30:00Z");

  static final String DRILLS_TEXT = """
      ALMATY, Sept 12 — Troops from Kazakhstan, Russia and Kyrgyzstan opened joint exercises of the Collective \
      Security Treaty Organization (CSTO) at the Matybulak training ground on Thursday, the Kazakh defence ministry said.

      About 1,500 servicemen and 300 pieces of equipment take part in the week-long drills, which rehearse the \
      deployment of the CSTO's collective rapid reaction forces to a crisis in the region.

      The exercises come as Astana balances its obligations to the Moscow-led bloc with growing security ties to \
      China and Turkey. Defence Minister Ruslan Zhaksylykov said the manoeuvres were "purely defensive".""";

  static final String PIPELINE_TEXT = """
      The Caspian Pipeline Consortium said on Wednesday that loadings at its Novorossiysk terminal had returned to \
      normal after storm damage to two of its three single-point moorings in the Black Sea.

      The pipeline carries about 80 percent of Kazakhstan's oil exports, and every halt at the terminal revives \
      questions in Astana about routes that bypass Russia, including tankers across the Caspian to Baku.""";

  @TempDir static Path brokerDir;
  static EmbeddedKafkaBroker broker;
  static KafkaProducer<String, byte[]> producer;
  static ConfigurableApplicationContext app;

  @BeforeAll
  static void startBrokerAndService() throws Exception {
    broker = new EmbeddedKafkaBroker(brokerDir, 0).start();
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
      admin.createTopics(List.of(new NewTopic(Topics.RAW_ARTICLES.name(), RAW_PARTITIONS, (short) 1))).all().get();
    }
    producer = new KafkaProducer<>(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
        ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
        ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
    app = startService();
  }

  static int port;

  static ConfigurableApplicationContext startService() {
    port = Ports.free();
    return new SpringApplicationBuilder(EnrichApplication.class).run(
        "--server.port=" + port,
        "--newsflow.enrich.bootstrap-servers=" + broker.bootstrapServers(),
        "--newsflow.enrich.consumer-group=enrich-it",
        "--newsflow.enrich.retry.initial-interval=50ms",
        "--newsflow.enrich.retry.max-attempts=3");
  }

  @AfterAll
  static void stop() {
    if (app != null) {
      app.close();
    }
    if (producer != null) {
      producer.close();
    }
    if (broker != null) {
      broker.close();
    }
  }

  @Test
  void publishesTaggedArticlesDropsReplaysAndMarksCopiesAsDuplicates() throws Exception {
    RawArticle drills = RawArticles.article("https://steppe-herald.example/news/csto-drills-matybulak",
        "steppe-herald.example", "CSTO troops open drills at Matybulak", DRILLS_TEXT, PUBLISHED);
    RawArticle pipeline = RawArticles.article("https://caspian-wire.example/cpc-loadings-resume",
        "caspian-wire.example", "CPC loadings back to normal after storm", PIPELINE_TEXT, PUBLISHED);
    send(drills);
    send(pipeline);

    try (TopicReader enriched = new TopicReader(broker.bootstrapServers(), Topics.ENRICHED_ARTICLES.name())) {
      EnrichedArticle first = awaitEnriched(enriched, drills.articleId());
      assertThat(first.dedupe().verdict()).isEqualTo(DedupeVerdict.NEW);
      assertThat(first.actors()).extracting(ActorTag::actorId).contains("KAZ", "org.csto");
      assertThat(first.themes()).extracting(ThemeTag::themeId).contains("military-exercises");
      assertThat(first.gazetteerVersion()).isNotBlank();
      assertThat(first.taxonomyVersion()).isNotBlank();
      assertThat(awaitEnriched(enriched, pipeline.articleId()).actors()).extracting(ActorTag::actorId).contains("KAZ");

      // ingest publishes the same article again (a second feed with the same URL): nothing new comes out
      RawArticle replay = RawArticles.article(drills.url(), "other-feed.example", drills.title(), drills.text(), PUBLISHED);
      RawArticle marker = RawArticles.article("https://steppe-herald.example/news/marker-1", "steppe-herald.example",
          "Marker", "An unrelated marker article about the weather in Karaganda this week.", PUBLISHED);
      sendTo(partitionOf(drills.articleId()), replay);
      sendTo(partitionOf(drills.articleId()), marker);
      awaitEnriched(enriched, marker.articleId());
      assertThat(enrichedFor(enriched.seen(), drills.articleId())).hasSize(1);

      // the same text on another site is published, as a duplicate of the first
      RawArticle copy = RawArticles.article("https://kz-daily.example/world/csto-matybulak", "kz-daily.example",
          "Kazakhstan hosts CSTO exercise", DRILLS_TEXT.replace("ALMATY, Sept 12 — ", ""), PUBLISHED.plusSeconds(3600));
      send(copy);
      EnrichedArticle duplicate = awaitEnriched(enriched, copy.articleId());
      assertThat(duplicate.dedupe().verdict()).isEqualTo(DedupeVerdict.DUPLICATE);
      assertThat(duplicate.dedupe().duplicateOf()).isEqualTo(drills.articleId());
      assertThat(duplicate.dedupe().storyId()).isEqualTo(first.dedupe().storyId());
      assertThat(duplicate.dedupe().similarity()).isGreaterThan(0.8);

      // a changed version of the first article is an update
      RawArticle update = RawArticles.revision(drills.url(), "steppe-herald.example", drills.title(),
          DRILLS_TEXT + "\n\nUpdated at 14:00 with the number of aircraft taking part: twelve.", PUBLISHED, 2);
      sendTo(partitionOf(drills.articleId()), update);
      List<EnrichedArticle> versions = awaitEnrichedCount(enriched, drills.articleId(), 2);
      assertThat(versions.get(1).dedupe().verdict()).isEqualTo(DedupeVerdict.UPDATE);
      assertThat(versions.get(1).dedupe().storyId()).isEqualTo(first.dedupe().storyId());
    }
  }

  @Test
  void deadLettersPoisonRecordsWithReasonAndKeepsGoing() throws Exception {
    int partition = 2;
    byte[] garbage = "{\"articleId\": \"not json".getBytes(StandardCharsets.UTF_8);
    RawArticle wrongVersion = new RawArticle(UUID.randomUUID().toString(), 7, PUBLISHED, "0123456789abcdef0123456789abcdef",
        1, io.newsflow.model.article.ChangeKind.NEW, "f-1", null, null, "https://x.example/a", "https://x.example/a",
        "Title", null, "Some text", null, null, null, null, PUBLISHED, null, null, "h", null, null);
    RawArticle after = RawArticles.article("https://steppe-herald.example/news/after-poison", "steppe-herald.example",
        "Tokayev meets Xi in Astana", "President Kassym-Jomart Tokayev met Chinese leader Xi Jinping in Astana on "
            + "Tuesday to discuss Belt and Road transport corridors and gas supplies from Kazakhstan to China.", PUBLISHED);
    producer.send(new ProducerRecord<>(Topics.RAW_ARTICLES.name(), partition, "k-garbage", garbage)).get();
    producer.send(new ProducerRecord<>(Topics.RAW_ARTICLES.name(), partition, wrongVersion.articleId(),
        EventJson.toBytes(wrongVersion))).get();
    sendTo(partition, after);

    try (TopicReader enriched = new TopicReader(broker.bootstrapServers(), Topics.ENRICHED_ARTICLES.name());
        TopicReader deadLetters = new TopicReader(broker.bootstrapServers(), Topics.RAW_ARTICLES.deadLetter())) {
      assertThat(awaitEnriched(enriched, after.articleId()).actors()).extracting(ActorTag::actorId).contains("KAZ");
      List<ConsumerRecord<String, byte[]>> dead = deadLetters.readUntil(records -> records.size() >= 2, WAIT);
      assertThat(dead).hasSize(2);

      ConsumerRecord<String, byte[]> undecodable = dead.get(0);
      assertThat(undecodable.value()).isEqualTo(garbage);
      assertThat(undecodable.key()).isEqualTo("k-garbage");
      assertThat(header(undecodable, DeadLetterHeaders.REASON)).startsWith("undecodable: cannot decode RawArticle");
      assertThat(header(undecodable, DeadLetterHeaders.ORIGINAL_TOPIC)).isEqualTo(Topics.RAW_ARTICLES.name());
      assertThat(header(undecodable, DeadLetterHeaders.ORIGINAL_PARTITION)).isEqualTo(String.valueOf(partition));
      assertThat(header(undecodable, DeadLetterHeaders.ORIGINAL_OFFSET)).matches("\\d+");
      assertThat(header(undecodable, DeadLetterHeaders.SERVICE)).isEqualTo("enrich-service");
      assertThat(header(undecodable, DeadLetterHeaders.EXCEPTION)).endsWith("EventDecodingException");

      ConsumerRecord<String, byte[]> invalid = dead.get(1);
      assertThat(header(invalid, DeadLetterHeaders.REASON)).startsWith("invalid: ").contains("schemaVersion");
      assertThat(EventJson.fromBytes(invalid.value(), RawArticle.class).articleId()).isEqualTo(wrongVersion.articleId());
    }
  }

  @Test
  void remembersWhatItPublishedAcrossARestart() throws Exception {
    String text = """
        ASTANA — Kazakhstan will hold the Steppe Eagle peacekeeping exercise with British and American units \
        at the Iliysky training ground in September, the defence ministry said on Monday, the first such drills \
        with NATO members since the January events.

        The Kazakh peacekeeping battalion, KAZBAT, has served with the United Nations in Lebanon since 2018 and \
        the ministry said the exercise would prepare a company for rotation to the Golan Heights next year.""";
    RawArticle original = RawArticles.article("https://steppe-herald.example/news/steppe-eagle-2024",
        "steppe-herald.example", "Steppe Eagle returns with NATO partners", text, PUBLISHED);
    send(original);
    try (TopicReader enriched = new TopicReader(broker.bootstrapServers(), Topics.ENRICHED_ARTICLES.name())) {
      awaitEnriched(enriched, original.articleId());

      app.close();
      app = startService();

      RawArticle replay = RawArticles.article(original.url(), "steppe-herald.example", original.title(), text, PUBLISHED);
      RawArticle marker = RawArticles.article("https://steppe-herald.example/news/marker-2", "steppe-herald.example",
          "Marker", "Another unrelated marker about spring floods along the Ishim river near Petropavl.", PUBLISHED);
      sendTo(partitionOf(original.articleId()), replay);
      sendTo(partitionOf(original.articleId()), marker);
      awaitEnriched(enriched, marker.articleId());
      assertThat(enrichedFor(enriched.seen(), original.articleId())).hasSize(1);

      RawArticle copy = RawArticles.article("https://central-asia-times.example/kazakhstan-steppe-eagle",
          "central-asia-times.example", "Kazakhstan to host NATO troops for Steppe Eagle",
          text.replace("ASTANA — ", "") + "\n\nSubscribe to our Central Asia newsletter.", PUBLISHED.plusSeconds(7200));
      send(copy);
      EnrichedArticle duplicate = awaitEnriched(enriched, copy.articleId());
      assertThat(duplicate.dedupe().verdict()).isEqualTo(DedupeVerdict.DUPLICATE);
      assertThat(duplicate.dedupe().duplicateOf()).isEqualTo(original.articleId());
    }
  }

  @Test
  void isLiveAndReadyOnceTheDedupeIndexIsRestored() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    HttpResponse<String> readiness = http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(readiness.statusCode()).isEqualTo(200);
    assertThat(readiness.body()).contains("\"dedupeIndex\"").contains("\"status\":\"UP\"");
    HttpResponse<String> liveness = http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/liveness")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(liveness.statusCode()).isEqualTo(200);
  }

  static String header(ConsumerRecord<String, byte[]> record, String name) {
    var header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }

  static void send(RawArticle raw) throws Exception {
    producer.send(new ProducerRecord<>(Topics.RAW_ARTICLES.name(), raw.articleId(), EventJson.toBytes(raw))).get();
  }

  static void sendTo(int partition, RawArticle raw) throws Exception {
    producer.send(new ProducerRecord<>(Topics.RAW_ARTICLES.name(), partition, raw.articleId(), EventJson.toBytes(raw))).get();
  }

  /** The partition Kafka's default partitioner picks for a key, so test records can follow one article's. */
  static int partitionOf(String key) {
    return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % RAW_PARTITIONS;
  }

  static EnrichedArticle awaitEnriched(TopicReader reader, String articleId) {
    return awaitEnrichedCount(reader, articleId, 1).get(0);
  }

  static List<EnrichedArticle> awaitEnrichedCount(TopicReader reader, String articleId, int count) {
    List<EnrichedArticle> found = enrichedFor(reader.readUntil(r -> enrichedFor(r, articleId).size() >= count, WAIT), articleId);
    assertThat(found).as("enriched records for %s", articleId).hasSizeGreaterThanOrEqualTo(count);
    return found;
  }

  static List<EnrichedArticle> enrichedFor(List<ConsumerRecord<String, byte[]>> records, String articleId) {
    return records.stream()
        .filter(r -> articleId.equals(r.key()))
        .map(r -> EventJson.fromBytes(r.value(), EnrichedArticle.class))
        .toList();
  }
}
