package io.newsflow.enrich.pipeline;

import io.newsflow.enrich.ops.EnrichMeters;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.MDC;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;

/**
 * Adapter from the raw topic to {@link EnrichmentPipeline}. Records come in batches so that sends are
 * pipelined instead of awaited one by one; the batch returns only when every send before a failure is
 * acknowledged, and a failure names its record, so the error handler commits what succeeded and
 * retries or dead-letters exactly the failed record.
 */
public class RawArticleListener {

  public static final String LISTENER_ID = "raw-articles";

  private static final CompletableFuture<?> NOTHING_TO_SEND = CompletableFuture.completedFuture(null);

  private final EnrichmentPipeline pipeline;
  private final EnrichedArticlePublisher publisher;
  private final long sendTimeoutMillis;

  public RawArticleListener(EnrichmentPipeline pipeline, EnrichedArticlePublisher publisher, long sendTimeoutMillis) {
    this.pipeline = pipeline;
    this.publisher = publisher;
    this.sendTimeoutMillis = sendTimeoutMillis;
  }

  @KafkaListener(id = LISTENER_ID, groupId = "${newsflow.enrich.consumer-group:newsflow-enrich}",
      topics = "#{T(io.newsflow.model.topic.Topics).RAW_ARTICLES.name()}",
      batch = "true")
  public void onRawArticles(List<ConsumerRecord<String, byte[]>> records) {
    List<CompletableFuture<?>> sends = new ArrayList<>(records.size());
    for (ConsumerRecord<String, byte[]> record : records) {
      try (MDC.MDCCloseable logContext = MDC.putCloseable("articleId", record.key())) {
        long started = System.nanoTime();
        Optional<EnrichmentPipeline.Enriched> enriched = pipeline.process(record.key(), record.value(), origin(record));
        EnrichMeters.enriched(enriched.map(EnrichmentPipeline.Enriched::article), started);
        // the record is done when both its enriched article and its dedupe signature are stored
        sends.add(enriched.<CompletableFuture<?>>map(e -> CompletableFuture.allOf(publisher.publish(e.article()),
            e.signatureWritten())).orElse(NOTHING_TO_SEND));
      } catch (RuntimeException e) {
        publisher.flush();
        awaitSends(records, sends);
        throw new BatchListenerFailedException("cannot enrich " + origin(record), e, record);
      }
    }
    publisher.flush();
    awaitSends(records, sends);
  }

  /** Returns when every send completed; throws for the first record whose send failed. */
  private void awaitSends(List<ConsumerRecord<String, byte[]>> records, List<CompletableFuture<?>> sends) {
    for (int i = 0; i < sends.size(); i++) {
      try {
        sends.get(i).get(sendTimeoutMillis, TimeUnit.MILLISECONDS);
      } catch (ExecutionException | TimeoutException e) {
        Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
        throw new BatchListenerFailedException("cannot publish enriched " + origin(records.get(i)), cause, records.get(i));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new BatchListenerFailedException("interrupted publishing " + origin(records.get(i)), e, records.get(i));
      }
    }
  }

  static String origin(ConsumerRecord<?, ?> record) {
    return record.topic() + "-" + record.partition() + "@" + record.offset();
  }
}
