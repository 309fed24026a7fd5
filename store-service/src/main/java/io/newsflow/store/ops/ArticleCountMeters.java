package io.newsflow.store.ops;

import com.mongodb.MongoException;
import com.mongodb.client.MongoDatabase;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.newsflow.store.mongo.Collections;
import java.util.concurrent.TimeUnit;

/**
 * The number of stored articles (all versions count once; duplicates included), so that a restarted
 * store still reports the total and not only what it wrote since. MongoDB's estimated count reads
 * collection metadata, not documents; it is asked at most every few seconds and with a short timeout, so
 * a scrape during a database outage answers the last known value instead of hanging.
 */
final class ArticleCountMeters implements MeterBinder {

  private static final long REFRESH_NANOS = TimeUnit.SECONDS.toNanos(5);

  private final MongoDatabase db;
  private double last = Double.NaN;
  private long lastAskedNanos;
  private boolean asked;

  ArticleCountMeters(MongoDatabase db) {
    this.db = db;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    Gauge.builder("newsflow.store.articles", this, ArticleCountMeters::count)
        .description("articles in MongoDB (estimated count of the articles collection)").register(registry);
  }

  synchronized double count() {
    long now = System.nanoTime();
    if (asked && now - lastAskedNanos < REFRESH_NANOS) {
      return last;
    }
    asked = true;
    lastAskedNanos = now;
    try {
      last = db.getCollection(Collections.ARTICLES).withTimeout(1, TimeUnit.SECONDS).estimatedDocumentCount();
    } catch (MongoException e) {
      // keep the last known value: the outage itself is reported by readiness
    }
    return last;
  }
}
