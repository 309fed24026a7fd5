package io.newsflow.e2e.faults;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Writes raw bytes to any topic (poison, as a broken or hostile producer would) and bends topic configs. */
final class PoisonRecords implements AutoCloseable {

  private final KafkaProducer<String, byte[]> producer;
  private final Admin admin;

  PoisonRecords(String bootstrapServers) {
    producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
        ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
    admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
  }

  /** Sends and waits for the broker's acknowledgement; {@code partition} null lets the key decide. */
  RecordMetadata send(String topic, Integer partition, String key, byte[] value) throws Exception {
    return producer.send(new ProducerRecord<>(topic, partition, key, value)).get();
  }

  RecordMetadata send(String topic, String key, String value) throws Exception {
    return send(topic, null, key, value.getBytes(StandardCharsets.UTF_8));
  }

  /** Caps the topic's record size (creating it first if needed) so that nothing fits: every write to it fails. */
  void makeUnwritable(String topic) throws Exception {
    try {
      admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw e;
      }
    }
    alter(topic, new AlterConfigOp(new ConfigEntry(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, "16"), AlterConfigOp.OpType.SET));
  }

  void makeWritable(String topic) throws Exception {
    alter(topic, new AlterConfigOp(new ConfigEntry(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, ""), AlterConfigOp.OpType.DELETE));
  }

  private void alter(String topic, AlterConfigOp op) throws Exception {
    ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
    Map<ConfigResource, Collection<AlterConfigOp>> change = Map.of(resource, List.of(op));
    admin.incrementalAlterConfigs(change).all().get();
    // the broker applies topic config changes asynchronously; give it a moment
    Thread.sleep(Duration.ofSeconds(1));
  }

  static String header(org.apache.kafka.clients.consumer.ConsumerRecord<String, byte[]> record, String name) {
    Header h = record.headers().lastHeader(name);
    return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(5));
    admin.close(Duration.ofSeconds(5));
  }
}
