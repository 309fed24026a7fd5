package io.newsflow.ingest.support;

import io.newsflow.model.json.EventJson;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads a topic from the beginning for assertions, decoding values with the event codec. */
public final class TopicReader<T> implements AutoCloseable {

  /** A decoded record. */
  public record Keyed<T>(String key, T value) {}

  private final KafkaConsumer<String, byte[]> consumer;
  private final Class<T> type;
  private final List<Keyed<T>> seen = new ArrayList<>();

  public TopicReader(String bootstrap, String topic, Class<T> type) {
    Map<String, Object> props = new HashMap<>();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    this.consumer = new KafkaConsumer<>(props);
    this.type = type;
    List<TopicPartition> partitions = List.of();
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (partitions.isEmpty() && System.nanoTime() < deadline) {
      partitions = consumer.partitionsFor(topic, Duration.ofSeconds(5)).stream()
          .map(p -> new TopicPartition(topic, p.partition())).toList();
    }
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
  }

  /** Polls until {@code predicate} holds on everything read so far, or the timeout passes; returns all read. */
  public List<Keyed<T>> readUntil(Predicate<List<Keyed<T>>> predicate, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!predicate.test(seen) && System.nanoTime() < deadline) {
      pollOnce(Duration.ofMillis(200));
    }
    return List.copyOf(seen);
  }

  /** Reads for a while and returns everything read so far. */
  public List<Keyed<T>> drain(Duration quiet) {
    long deadline = System.nanoTime() + quiet.toNanos();
    while (System.nanoTime() < deadline) {
      pollOnce(Duration.ofMillis(200));
    }
    return List.copyOf(seen);
  }

  private void pollOnce(Duration d) {
    for (ConsumerRecord<String, byte[]> r : consumer.poll(d)) {
      seen.add(new Keyed<>(r.key(), EventJson.fromBytes(r.value(), type)));
    }
  }

  @Override
  public void close() {
    consumer.close();
  }
}
