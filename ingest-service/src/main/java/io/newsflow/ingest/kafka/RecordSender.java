package io.newsflow.ingest.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

/** Sends records and waits until the broker acknowledged all of them (acks=all, idempotent producer). */
public final class RecordSender {

  private final KafkaTemplate<String, byte[]> template;
  private final Duration timeout;

  public RecordSender(KafkaTemplate<String, byte[]> template, Duration timeout) {
    this.template = template;
    this.timeout = timeout;
  }

  /**
   * @return the acknowledged results in the order of {@code records}
   * @throws PublishException when any record was not acknowledged within the timeout
   */
  public List<SendResult<String, byte[]>> sendAll(List<ProducerRecord<String, byte[]>> records) {
    List<CompletableFuture<SendResult<String, byte[]>>> futures = new ArrayList<>();
    for (ProducerRecord<String, byte[]> record : records) {
      try {
        futures.add(template.send(record));
      } catch (org.apache.kafka.common.KafkaException e) {
        throw new PublishException(record.topic(), record.key(), e);
      }
    }
    List<SendResult<String, byte[]>> results = new ArrayList<>();
    long deadline = System.nanoTime() + timeout.toNanos();
    for (int i = 0; i < futures.size(); i++) {
      try {
        results.add(futures.get(i).get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
      } catch (ExecutionException | TimeoutException e) {
        throw new PublishException(records.get(i).topic(), records.get(i).key(), e.getCause() == null ? e : e.getCause());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new PublishException(records.get(i).topic(), records.get(i).key(), e);
      }
    }
    return results;
  }

  public SendResult<String, byte[]> send(ProducerRecord<String, byte[]> record) {
    return sendAll(List.of(record)).getFirst();
  }

  /** The broker did not acknowledge a record: retryable, nothing was advanced. */
  public static class PublishException extends RuntimeException {
    private final String topic;
    private final String key;

    public PublishException(String topic, String key, Throwable cause) {
      super("publish not acknowledged: topic=" + topic + " key=" + key + ": " + cause, cause);
      this.topic = topic;
      this.key = key;
    }

    public String topic() {
      return topic;
    }

    public String key() {
      return key;
    }
  }
}
