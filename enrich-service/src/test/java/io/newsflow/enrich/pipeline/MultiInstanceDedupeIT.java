package io.newsflow.enrich.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.enrich.EnrichApplication;
import io.newsflow.enrich.support.RawArticles;
import io.newsflow.enrich.support.TopicReader;
import io.newsflow.localstack.EmbeddedKafkaBroker;
import io.newsflow.localstack.Ports;
import io.newsflow.model.article.DedupeVerdict;
import io.newsflow.model.article.EnrichedArticle;
import io.newsflow.model.article.RawArticle;
import io.newsflow.model.json.EventJson;
import io.newsflow.model.topic.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;

/** Two enrich instances in one group: a copy judged on one instance is recognised from the other's article. */
class MultiInstanceDedupeIT {

  static final String TEXT = """
      Kazakhstan's parliament approved amendments that require half of all television broadcasts to be in \
      Kazakh from next year and tighten licensing rules for foreign channels, the information ministry said.

      Lawmakers said the measures supported the state language, while several Russian channels warned they \
      might withdraw from Kazakh cable networks if the quota was enforced strictly.""";

  @TempDir Path brokerDir;

  @Test
  void aCopyLandingOnTheOtherInstanceIsStillADuplicate() throws Exception {
    try (EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(brokerDir, 0).start();
        KafkaProducer<String, byte[]> producer = producer(broker.bootstrapServers())) {
      try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
        admin.createTopics(List.of(new NewTopic(Topics.RAW_ARTICLES.name(), 4, (short) 1))).all().get();
      }
      try (ConfigurableApplicationContext first = start(broker);
          ConfigurableApplicationContext second = start(broker);
          TopicReader enriched = new TopicReader(broker.bootstrapServers(), Topics.ENRICHED_ARTICLES.name())) {
        Set<Integer> firstOwns = awaitOwnPartitions(first);
        Set<Integer> secondOwns = awaitOwnPartitions(second);
        assertThat(firstOwns).doesNotContainAnyElementsOf(secondOwns);

        RawArticle original = articleOn(firstOwns, "https://steppe-herald.example/tv-quota-", TEXT);
        producer.send(record(original)).get();
        PipelineEndToEndIT.awaitEnriched(enriched, original.articleId());

        RawArticle copy = articleOn(secondOwns, "https://kz-daily.example/media/kazakh-tv-quota-",
            "ASTANA (Kazinform) - " + TEXT + "\n\nFollow Kazinform on Telegram.");
        producer.send(record(copy)).get();
        EnrichedArticle judged = PipelineEndToEndIT.awaitEnriched(enriched, copy.articleId());
        assertThat(judged.dedupe().verdict()).isEqualTo(DedupeVerdict.DUPLICATE);
        assertThat(judged.dedupe().duplicateOf()).isEqualTo(original.articleId());
      }
    }
  }

  static ConfigurableApplicationContext start(EmbeddedKafkaBroker broker) {
    return new SpringApplicationBuilder(EnrichApplication.class).run(
        "--server.port=" + Ports.free(),
        "--newsflow.enrich.bootstrap-servers=" + broker.bootstrapServers(),
        "--newsflow.enrich.consumer-group=enrich-multi-it",
        "--newsflow.enrich.concurrency=1");
  }

  /** The raw partitions an instance consumes, once the group has settled with both members. */
  static Set<Integer> awaitOwnPartitions(ConfigurableApplicationContext app) throws InterruptedException {
    var container = app.getBean(KafkaListenerEndpointRegistry.class).getListenerContainer(RawArticleListener.LISTENER_ID);
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (System.nanoTime() < deadline) {
      Collection<TopicPartition> assigned = container.getAssignedPartitions();
      if (assigned != null && !assigned.isEmpty() && assigned.size() < 4) {
        return assigned.stream().map(TopicPartition::partition).collect(Collectors.toSet());
      }
      Thread.sleep(200);
    }
    throw new AssertionError("the two instances did not split the raw partitions within 90 s");
  }

  /** An article whose id the default partitioner sends to one of {@code partitions}. */
  static RawArticle articleOn(Set<Integer> partitions, String urlPrefix, String text) {
    for (int i = 0; ; i++) {
      RawArticle a = RawArticles.article(urlPrefix + i, "site.example", "Kazakh TV quota", text, Instant.parse("2024-03-20T12:00:00Z"));
      if (partitions.contains(PipelineEndToEndIT.partitionOf(a.articleId()))) {
        return a;
      }
    }
  }

  static ProducerRecord<String, byte[]> record(RawArticle a) {
    return new ProducerRecord<>(Topics.RAW_ARTICLES.name(), a.articleId(), EventJson.toBytes(a));
  }

  static KafkaProducer<String, byte[]> producer(String bootstrap) {
    return new KafkaProducer<>(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
        ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
        ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
  }
}
