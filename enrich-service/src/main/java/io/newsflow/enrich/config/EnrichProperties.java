package io.newsflow.enrich.config;

import io.newsflow.enrich.dedupe.DedupeSettings;
import java.time.Duration;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Every setting of enrich-service, under {@code newsflow.enrich}. Each key is settable by environment
 * variable with Spring's relaxed binding ({@code newsflow.enrich.consumer-group} is
 * {@code NEWSFLOW_ENRICH_CONSUMERGROUP}); {@code bootstrap-servers} also reads the shared
 * {@code KAFKA_BOOTSTRAP_SERVERS} (see application.yml).
 *
 * @param bootstrapServers  Kafka brokers
 * @param consumerGroup     consumer group on the raw topic; a new group replays the topic (re-tagging)
 * @param concurrency       consumer threads (at most the raw topic's partition count is useful)
 * @param maxPollRecords    records per batch handed to the listener
 * @param sendTimeout       how long a batch waits for the broker to acknowledge its enriched records
 * @param producer          batching and compression of what enrich sends
 * @param retry             back-off for transient failures
 * @param dedupe            the dedupe index's size, window and thresholds
 * @param signaturesTopic   the enrich-internal compacted topic that shares the dedupe index
 * @param signaturesPartitions partitions of that topic when enrich creates it
 * @param restoreTimeout    how long start-up waits for the dedupe index to be read back
 */
@ConfigurationProperties("newsflow.enrich")
public record EnrichProperties(
    @DefaultValue("127.0.0.1:9092") String bootstrapServers,
    @DefaultValue("newsflow-enrich") String consumerGroup,
    @DefaultValue("2") int concurrency,
    @DefaultValue("500") int maxPollRecords,
    @DefaultValue("30s") Duration sendTimeout,
    @DefaultValue Producer producer,
    @DefaultValue Retry retry,
    @DefaultValue Dedupe dedupe,
    @DefaultValue("newsflow.enrich.signatures.v1") String signaturesTopic,
    @DefaultValue("4") int signaturesPartitions,
    @DefaultValue("2m") Duration restoreTimeout) {

  public EnrichProperties {
    if (concurrency < 1) {
      throw new IllegalArgumentException("newsflow.enrich.concurrency must be at least 1, was " + concurrency);
    }
    if (maxPollRecords < 1) {
      throw new IllegalArgumentException("newsflow.enrich.max-poll-records must be at least 1, was " + maxPollRecords);
    }
  }

  /**
   * @param initialInterval first wait after a transient failure
   * @param multiplier      growth of the wait per attempt
   * @param maxInterval     longest wait
   * @param maxAttempts     attempts before a record that keeps failing for an unexpected reason (a bug, say) goes to
   *                        the dead-letter topic; while the broker is unavailable a record is retried without limit
   */
  public record Retry(
      @DefaultValue("200ms") Duration initialInterval,
      @DefaultValue("2.0") double multiplier,
      @DefaultValue("10s") Duration maxInterval,
      @DefaultValue("8") int maxAttempts) {

    public Retry {
      if (maxAttempts < 1) {
        throw new IllegalArgumentException("newsflow.enrich.retry.max-attempts must be at least 1, was " + maxAttempts);
      }
    }
  }

  /**
   * The producer of enriched articles and dedupe signatures (idempotent, acks=all: not settable).
   *
   * @param linger      how long a record may wait for others to share its request; the listener flushes
   *                    at the end of each batch, so this bounds the wait only within a batch
   * @param batchSize   bytes per partition batch
   * @param compression {@code none}, {@code lz4}, {@code zstd}, {@code snappy} or {@code gzip}
   */
  public record Producer(
      @DefaultValue("100ms") Duration linger,
      @DefaultValue("262144") int batchSize,
      @DefaultValue("zstd") String compression) {

    public Producer {
      if (!Set.of("none", "lz4", "zstd", "snappy", "gzip").contains(compression)) {
        throw new IllegalArgumentException("newsflow.enrich.producer.compression must be none, lz4, zstd, snappy or gzip, was "
            + compression);
      }
    }
  }

  /** See {@link DedupeSettings}. */
  public record Dedupe(
      @DefaultValue("50000") int capacity,
      @DefaultValue("7d") Duration window,
      @DefaultValue("0.5") double nearDuplicateThreshold,
      @DefaultValue("72h") Duration storyWindow) {

    public DedupeSettings settings() {
      return new DedupeSettings(capacity, window, nearDuplicateThreshold, storyWindow);
    }
  }
}
