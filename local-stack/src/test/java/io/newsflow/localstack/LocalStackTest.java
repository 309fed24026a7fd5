package io.newsflow.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalStackTest {

  @TempDir
  Path data;

  @Test
  void kafkaRecordsSurviveABrokerRestartOnTheSameDataFolder() throws Exception {
    String topic = "restart-" + UUID.randomUUID();
    try (LocalStack stack = LocalStack.start(data, 0, 0, null, "mongodb://unused")) {
      try (var producer = new KafkaProducer<String, String>(Map.of(
          ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers(),
          ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
        producer.send(new ProducerRecord<>(topic, "k", "before restart")).get();
      }
    }
    try (LocalStack again = LocalStack.start(data, 0, 0, null, "mongodb://unused")) {
      assertThat(readAll(again.kafkaBootstrapServers(), topic, 1)).containsExactly("before restart");
    }
  }

  @Test
  void mongoDocumentsSurviveARestartOnTheSameDataFolder() {
    try (LocalStack stack = LocalStack.start(data, 0, 0, "127.0.0.1:1", null);
         MongoClient client = MongoClients.create(stack.mongoUri())) {
      client.getDatabase("newsflow").getCollection("probe").insertOne(new Document("_id", "a1").append("title", "kept"));
    }
    try (LocalStack again = LocalStack.start(data, 0, 0, "127.0.0.1:1", null);
         MongoClient client = MongoClients.create(again.mongoUri())) {
      Document found = client.getDatabase("newsflow").getCollection("probe").find(new Document("_id", "a1")).first();
      assertThat(found).isNotNull();
      assertThat(found.getString("title")).isEqualTo("kept");
    }
  }

  @Test
  void externalAddressesAreUsedAndNothingIsStarted() {
    try (LocalStack stack = LocalStack.start(data, 0, 0, "kafka.example:9092", "mongodb://mongo.example/newsflow")) {
      assertThat(stack.kafkaBootstrapServers()).isEqualTo("kafka.example:9092");
      assertThat(stack.mongoUri()).isEqualTo("mongodb://mongo.example/newsflow");
    }
    assertThat(data.resolve("kafka")).doesNotExist();
    assertThat(data.resolve("mongo")).doesNotExist();
  }

  private static List<String> readAll(String bootstrap, String topic, int expected) {
    List<String> values = new ArrayList<>();
    try (var consumer = new KafkaConsumer<String, String>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
        ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID(),
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
      consumer.subscribe(List.of(topic));
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (values.size() < expected && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
          values.add(r.value());
        }
      }
    }
    return values;
  }
}
