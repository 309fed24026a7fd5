package io.newsflow.store.article;

import io.newsflow.model.topic.Topics;
import io.newsflow.model.topic.Topics.DeadLetterHeaders;
import io.newsflow.store.ops.StoreMeters;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/** Sends records that can never be stored to the enriched topic's dead-letter topic, with the reason. */
public class DeadLetters {

  private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);
  static final String SERVICE = "store-service";

  private final KafkaTemplate<String, byte[]> template;

  public DeadLetters(KafkaTemplate<String, byte[]> template) {
    this.template = template;
  }

  /** Blocks until the broker acknowledged, so the original's offset is committed only after. */
  public void send(ConsumerRecord<String, byte[]> record, String reason, Throwable failure) {
    ProducerRecord<String, byte[]> out =
        new ProducerRecord<>(Topics.ENRICHED_ARTICLES.deadLetter(), record.key(), record.value());
    Headers h = out.headers();
    h.add(DeadLetterHeaders.REASON, bytes(reason + ": " + failure.getMessage()));
    h.add(DeadLetterHeaders.EXCEPTION, bytes(failure.getClass().getName()));
    h.add(DeadLetterHeaders.ORIGINAL_TOPIC, bytes(record.topic()));
    h.add(DeadLetterHeaders.ORIGINAL_PARTITION, bytes(Integer.toString(record.partition())));
    h.add(DeadLetterHeaders.ORIGINAL_OFFSET, bytes(Long.toString(record.offset())));
    h.add(DeadLetterHeaders.SERVICE, bytes(SERVICE));
    try {
      template.send(out).get(30, TimeUnit.SECONDS);
      StoreMeters.deadLettered(Topics.ENRICHED_ARTICLES.deadLetter(), reason);
      log.warn("dead-lettered {}-{}@{} key={}: {}", record.topic(), record.partition(), record.offset(), record.key(),
          failure.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while dead-lettering", e);
    } catch (ExecutionException | TimeoutException e) {
      // not dead-lettered means not handled: fail the batch so that it is retried, not skipped
      throw new DeadLetterFailedException(record.topic(), record.partition(), record.offset(), e);
    }
  }

  private static byte[] bytes(String s) {
    return s == null ? new byte[0] : s.getBytes(StandardCharsets.UTF_8);
  }

  /** The dead-letter topic did not take the record; retryable. */
  public static class DeadLetterFailedException extends RuntimeException {
    public DeadLetterFailedException(String topic, int partition, long offset, Throwable cause) {
      super("dead-letter send failed for " + topic + "-" + partition + "@" + offset, cause);
    }
  }
}
