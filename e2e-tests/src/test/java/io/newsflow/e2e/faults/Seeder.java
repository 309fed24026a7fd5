package io.newsflow.e2e.faults;

import io.newsflow.model.json.EventJson;
import io.newsflow.model.topic.Topics;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes numbered raw articles of one run to the raw topic at a steady rate from a background thread,
 * as ingest would (idempotent producer, acks=all), and remembers which the broker acknowledged: those
 * are the ones the system owes us.
 */
final class Seeder implements AutoCloseable {

  private final SyntheticArticles run;
  private final KafkaProducer<String, byte[]> producer;
  private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
  private final Map<String, String> failed = new ConcurrentHashMap<>();
  private final AtomicInteger sent = new AtomicInteger();
  private Thread thread;

  Seeder(String bootstrapServers, SyntheticArticles run) {
    this.run = run;
    this.producer = new KafkaProducer<>(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
        ProducerConfig.ACKS_CONFIG, "all",
        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
        ProducerConfig.LINGER_MS_CONFIG, 5,
        // long enough to ride out a broker restart; a send still unacknowledged then counts as not owed
        ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 120_000,
        ProducerConfig.MAX_BLOCK_MS_CONFIG, 120_000,
        ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1000),
        new StringSerializer(), new ByteArraySerializer());
  }

  /** Starts publishing articles {@code from} (inclusive) to {@code to} (exclusive) at about {@code perSecond}. */
  Seeder publish(int from, int to, int perSecond) {
    thread = Thread.ofPlatform().name("seeder").daemon().start(() -> {
      long start = System.nanoTime();
      for (int n = from; n < to && !Thread.currentThread().isInterrupted(); n++) {
        String id = run.id(n);
        producer.send(new ProducerRecord<>(Topics.RAW_ARTICLES.name(), id, EventJson.toBytes(run.article(n))),
            (metadata, failure) -> {
              if (failure == null) {
                acknowledged.add(id);
              } else {
                failed.put(id, failure.toString());
              }
            });
        sent.incrementAndGet();
        long due = start + (n - from + 1) * 1_000_000_000L / perSecond;
        long wait = due - System.nanoTime();
        if (wait > 0) {
          try {
            Thread.sleep(Duration.ofNanos(wait));
          } catch (InterruptedException e) {
            return;
          }
        }
      }
    });
    return this;
  }

  /** Waits until everything was handed to the producer and each send has an outcome. */
  void awaitDone(Duration timeout) throws InterruptedException {
    thread.join(timeout.toMillis());
    producer.flush();
  }

  int sent() {
    return sent.get();
  }

  Set<String> acknowledged() {
    return Set.copyOf(acknowledged);
  }

  Map<String, String> failed() {
    return Map.copyOf(failed);
  }

  @Override
  public void close() {
    if (thread != null) {
      thread.interrupt();
    }
    producer.close(Duration.ofSeconds(10));
  }
}
