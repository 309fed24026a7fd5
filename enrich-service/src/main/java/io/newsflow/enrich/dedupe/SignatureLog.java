package io.newsflow.enrich.dedupe;

import io.newsflow.model.json.EventJson;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dedupe index's shared memory: a compacted topic, keyed by article id, of every {@link DedupeEntry}.
 * Every instance writes its entries there and reads every partition of it (no consumer group), so
 * after a restart, or a partition moving to another instance, the index is rebuilt from it.
 *
 * <p>Limit: entries reach other instances after they are sent (the producer lingers up to
 * {@code newsflow.enrich.producer.linger} unless the listener flushes first) and a round trip through the broker. Two
 * copies of one text under two different article ids, landing on two instances within that time,
 * can both be judged NEW. Same-id decisions (replay, update) are exact because one article's records
 * share a partition and so an instance.
 *
 * <p>Each record names its writer in the {@value #INSTANCE_HEADER} header, so the reader skips its own
 * instance's entries without decoding them (they are already in its index; with one instance that is
 * every record). The value is the same {@link DedupeEntry} JSON as before; records without the header,
 * written by earlier versions, are decoded and judged by their {@code instanceId} field as they were.
 */
public final class SignatureLog implements SignatureSink, AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(SignatureLog.class);

  /** Header naming the enrich instance that wrote a record (UTF-8), the entry's {@code instanceId}. */
  public static final String INSTANCE_HEADER = "newsflow-instance";

  private final String topic;
  private final Supplier<Producer<String, byte[]>> producers;
  private final Supplier<KafkaConsumer<String, byte[]>> consumers;
  private final CountDownLatch restored = new CountDownLatch(1);
  private volatile KafkaConsumer<String, byte[]> consumer;
  private volatile boolean running;
  private Thread reader;

  /**
   * @param producers gives the producer to send with; closing what it gives must not stop the producer
   *                  (Spring's shared one is shared with the enriched articles, so both topics go out in
   *                  the same produce requests), and it is called once per write so that a producer the
   *                  factory replaced after a failure is not used again
   */
  public SignatureLog(String topic, Supplier<Producer<String, byte[]>> producers,
      Supplier<KafkaConsumer<String, byte[]>> consumers) {
    this.topic = topic;
    this.producers = producers;
    this.consumers = consumers;
  }

  @Override
  public void publish(DedupeEntry entry) {
    write(entry);
  }

  @Override
  public CompletableFuture<?> write(DedupeEntry entry) {
    CompletableFuture<Void> written = new CompletableFuture<>();
    ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, entry.articleId(), EventJson.toBytes(entry));
    if (entry.instanceId() != null) {
      record.headers().add(INSTANCE_HEADER, entry.instanceId().getBytes(StandardCharsets.UTF_8));
    }
    // closing hands a shared producer back (as KafkaTemplate does after each send); it stays open
    try (Producer<String, byte[]> producer = producers.get()) {
      producer.send(record, (metadata, failure) -> {
        if (failure != null) {
          log.warn("dedupe signature of {} not written to {}: {}", entry.articleId(), topic, failure.toString());
          written.completeExceptionally(failure);
        } else {
          written.complete(null);
        }
      });
    }
    return written;
  }

  /**
   * Starts reading the whole topic into {@code apply}, then keeps following it; records whose header
   * names {@code ownInstanceId} are skipped undecoded.
   */
  public synchronized void start(String ownInstanceId, Consumer<DedupeEntry> apply) {
    if (running) {
      return;
    }
    running = true;
    byte[] own = ownInstanceId.getBytes(StandardCharsets.UTF_8);
    reader = Thread.ofPlatform().name("dedupe-signatures").daemon().start(() -> follow(own, apply));
  }

  /** Waits until everything written before {@link #start} has been applied. */
  public boolean awaitRestored(Duration timeout) throws InterruptedException {
    return restored.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  public boolean isRestored() {
    return restored.getCount() == 0;
  }

  private void follow(byte[] ownInstanceId, Consumer<DedupeEntry> apply) {
    try (KafkaConsumer<String, byte[]> c = consumers.get()) {
      consumer = c;
      List<TopicPartition> partitions = c.partitionsFor(topic, Duration.ofSeconds(30)).stream()
          .map(p -> new TopicPartition(topic, p.partition())).toList();
      c.assign(partitions);
      c.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = c.endOffsets(partitions);
      long applied = 0;
      while (running) {
        for (ConsumerRecord<String, byte[]> record : c.poll(Duration.ofMillis(200))) {
          if (!writtenBy(record, ownInstanceId)) {
            applyOne(record, apply);
          }
          applied++;
        }
        if (!isRestored() && partitions.stream().allMatch(p -> c.position(p) >= end.get(p))) {
          log.info("dedupe index restored from {}: {} entries", topic, applied);
          restored.countDown();
        }
      }
    } catch (WakeupException e) {
      // close() asked us to stop
    } catch (RuntimeException e) {
      log.error("dedupe signatures reader stopped: {}", e.toString(), e);
    }
  }

  static boolean writtenBy(ConsumerRecord<String, byte[]> record, byte[] instanceId) {
    Header writer = record.headers().lastHeader(INSTANCE_HEADER);
    return writer != null && Arrays.equals(writer.value(), instanceId);
  }

  private void applyOne(ConsumerRecord<String, byte[]> record, Consumer<DedupeEntry> apply) {
    if (record.value() == null) {
      return;
    }
    try {
      apply.accept(EventJson.fromBytes(record.value(), DedupeEntry.class));
    } catch (RuntimeException e) {
      // internal state, not an article: a bad entry loses one hint, so log it and go on
      log.warn("skipping unreadable dedupe signature at {}-{}@{}: {}", record.topic(), record.partition(), record.offset(), e.toString());
    }
  }

  /** Stops following the topic and flushes the entries not yet written. Idempotent. */
  @Override
  public synchronized void close() {
    try (Producer<String, byte[]> producer = producers.get()) {
      producer.flush();
    } catch (RuntimeException e) {
      log.warn("dedupe signatures not flushed on close: {}", e.toString());
    }
    running = false;
    KafkaConsumer<String, byte[]> c = consumer;
    if (c != null) {
      c.wakeup();
    }
    if (reader != null) {
      try {
        reader.join(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
