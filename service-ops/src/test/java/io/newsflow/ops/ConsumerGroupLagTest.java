package io.newsflow.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsflow.localstack.EmbeddedKafkaBroker;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsumerGroupLagTest {

  @Test
  void countsFromTheCommittedOffsetsNotTheFetchPositionAndIsUnknownWithoutABroker(@TempDir Path dir) throws Exception {
    EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(dir, 0).start();
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
        KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            broker.bootstrapServers()), new StringSerializer(), new StringSerializer())) {
      admin.createTopics(List.of(new NewTopic("articles", 2, (short) 1))).all().get();
      for (int i = 0; i < 10; i++) {
        producer.send(new ProducerRecord<>("articles", i % 2, "k" + i, "v" + i)).get();
      }
      TopicPartition p0 = new TopicPartition("articles", 0);
      TopicPartition p1 = new TopicPartition("articles", 1);
      admin.alterConsumerGroupOffsets("writers", Map.of(p0, new OffsetAndMetadata(3))).all().get();

      try (ConsumerGroupLag early = new ConsumerGroupLag(broker.bootstrapServers(), "writers", List.of("not-yet"), Duration.ofSeconds(1))) {
        early.refresh();
        assertThat(early.lag("not-yet")).as("a topic nobody has written to yet has no lag").isNaN();
      }
      try (ConsumerGroupLag lag = new ConsumerGroupLag(broker.bootstrapServers(), "writers", List.of("articles"),
          Duration.ofSeconds(1))) {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        lag.bindTo(registry);
        lag.refresh();
        // partition 0: 5 written, 3 committed; partition 1: never committed, all 5 from the log's start
        assertThat(lag.lag("articles")).isEqualTo(7.0);
        assertThat(registry.get("newsflow.consumer.lag").tags("group", "writers", "topic", "articles").gauge().value()).isEqualTo(7.0);

        admin.alterConsumerGroupOffsets("writers", Map.of(p0, new OffsetAndMetadata(5), p1, new OffsetAndMetadata(4))).all().get();
        lag.refresh();
        assertThat(lag.lag("articles")).isEqualTo(1.0);

        broker.close();
        lag.refresh();
        assertThat(lag.lag("articles")).as("a lag the broker cannot confirm is unknown, not zero").isNaN();
      }
    } finally {
      broker.close();
    }
  }
}
