package io.newsflow.store.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Every store-service setting. Each key is settable by environment variable through Spring's relaxed
 * binding, for example {@code NEWSFLOW_STORE_WRITE_CONCERN}; {@code mongodbUri} also reads {@code MONGODB_URI}
 * (see application.yml).
 *
 * @param mongodbUri    connection string; its path names the database (default {@code newsflow})
 * @param writeConcern  {@code acknowledged} (w:1), {@code majority}, {@code journaled} or a node count such as {@code 2}
 * @param consumerGroup Kafka consumer group of the article writer
 * @param retry         back-off while MongoDB is unavailable (the batch is retried, offsets stay uncommitted)
 * @param retention     deletion of old articles, off by default
 * @param timeline      read-side limits
 * @param actors        actor search
 */
@ConfigurationProperties("newsflow.store")
public record StoreProperties(
    @DefaultValue("mongodb://127.0.0.1:27017/newsflow") String mongodbUri,
    @DefaultValue("acknowledged") String writeConcern,
    @DefaultValue("newsflow-store") String consumerGroup,
    @DefaultValue Retry retry,
    @DefaultValue Retention retention,
    @DefaultValue Timeline timeline,
    @DefaultValue Actors actors) {

  public StoreProperties {
    if (mongodbUri == null || !(mongodbUri.startsWith("mongodb://") || mongodbUri.startsWith("mongodb+srv://"))) {
      throw new IllegalArgumentException("newsflow.store.mongodb-uri must be a mongodb:// URI, was " + mongodbUri);
    }
    WriteConcerns.parse(writeConcern);
  }

  /**
   * @param initialInterval first pause after a transient failure
   * @param maxInterval     longest pause between attempts; attempts never stop
   * @param multiplier      growth factor of the pause
   * @param isolateAfter    failed attempts of one batch, with a failure that is not an outage (a race that does not
   *                        clear, a failure nobody foresaw), before it is written one article at a time and an article
   *                        that keeps failing is dead-lettered; outages are retried for as long as they last
   */
  public record Retry(
      @DefaultValue("500ms") Duration initialInterval,
      @DefaultValue("30s") Duration maxInterval,
      @DefaultValue("2.0") double multiplier,
      @DefaultValue("5") int isolateAfter) {

    public Retry {
      if (initialInterval.isNegative() || initialInterval.isZero() || maxInterval.compareTo(initialInterval) < 0) {
        throw new IllegalArgumentException("newsflow.store.retry: need 0 < initial-interval <= max-interval");
      }
      if (multiplier < 1) {
        throw new IllegalArgumentException("newsflow.store.retry.multiplier must be >= 1, was " + multiplier);
      }
      if (isolateAfter < 1) {
        throw new IllegalArgumentException("newsflow.store.retry.isolate-after must be >= 1, was " + isolateAfter);
      }
    }
  }

  /**
   * @param maxAge        articles whose timeline time is older than this are deleted; null or zero = keep forever
   * @param checkInterval how often the retention sweep runs
   */
  public record Retention(Duration maxAge, @DefaultValue("1h") Duration checkInterval) {

    public boolean isEnabled() {
      return maxAge != null && !maxAge.isZero() && !maxAge.isNegative();
    }
  }

  /**
   * @param maxScannedItems timeline items a single page request may examine before it returns a partial
   *                        page with a cursor, so that a very selective filter cannot read the whole store
   */
  public record Timeline(@DefaultValue("20000") int maxScannedItems) {

    public Timeline {
      if (maxScannedItems < 200) {
        throw new IllegalArgumentException("newsflow.store.timeline.max-scanned-items must be >= 200");
      }
    }
  }

  /**
   * @param refreshInterval how old the in-memory actor index may get before a search rebuilds it from the
   *                        actor key documents: a newly seen actor or alias is searchable after at most this
   */
  public record Actors(@DefaultValue("30s") Duration refreshInterval) {

    public Actors {
      if (refreshInterval.isNegative()) {
        throw new IllegalArgumentException("newsflow.store.actors.refresh-interval must not be negative");
      }
    }
  }
}
