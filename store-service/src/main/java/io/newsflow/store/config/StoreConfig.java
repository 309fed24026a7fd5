package io.newsflow.store.config;

import com.mongodb.client.MongoDatabase;
import io.newsflow.store.actor.ActorDirectory;
import io.newsflow.store.article.ArticleLinks;
import io.newsflow.store.article.ArticleReader;
import io.newsflow.store.article.ArticleWriter;
import io.newsflow.store.mongo.MongoHealthIndicator;
import io.newsflow.store.retention.RetentionScheduler;
import io.newsflow.store.retention.RetentionSweep;
import io.newsflow.store.timeline.Aggregates;
import io.newsflow.store.timeline.CooccurrenceDays;
import io.newsflow.store.timeline.EventTimeline;
import io.newsflow.store.timeline.EventTimelineQuery;
import io.newsflow.store.timeline.TimelineQuery;
import java.time.Clock;
import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The plain services of the store, wired once. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StoreProperties.class)
public class StoreConfig {

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  @Bean
  ArticleWriter articleWriter(MongoDatabase db, Clock clock) {
    return writerWithReadModels(db, clock);
  }

  /** The writer as the service runs it, with every read model (tests and benchmarks build the same one). */
  public static ArticleWriter writerWithReadModels(MongoDatabase db, Clock clock) {
    return new ArticleWriter(db, List.of(new ArticleLinks(db), new EventTimeline(db), new CooccurrenceDays(db)), clock);
  }

  @Bean
  TimelineQuery timelineQuery(MongoDatabase db, StoreProperties properties, MongoHealthIndicator health) {
    return new TimelineQuery(db, properties.timeline().maxScannedItems(), health::isTextSearchAvailable);
  }

  @Bean
  EventTimelineQuery eventTimelineQuery(MongoDatabase db) {
    return new EventTimelineQuery(db);
  }

  @Bean
  Aggregates aggregates(MongoDatabase db) {
    return new Aggregates(db);
  }

  @Bean
  RetentionScheduler retentionScheduler(MongoDatabase db, StoreProperties properties, Clock clock) {
    return new RetentionScheduler(new RetentionSweep(db), properties.retention(), clock);
  }

  @Bean
  ActorDirectory actorDirectory(MongoDatabase db, StoreProperties properties, Clock clock) {
    return new ActorDirectory(db, properties.actors().refreshInterval(), clock);
  }

  @Bean
  ArticleReader articleReader(MongoDatabase db) {
    return new ArticleReader(db);
  }
}
