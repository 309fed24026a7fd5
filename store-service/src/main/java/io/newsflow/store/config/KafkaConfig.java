package io.newsflow.store.config;

import io.newsflow.store.article.ArticleBatchConsumer;
import io.newsflow.store.article.ArticleWriter;
import io.newsflow.store.article.DeadLetters;
import io.newsflow.store.article.EnrichedArticleListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/** The enriched-article consumer: batch listener, dead letters, and the retry policy for transient failures. */
@Configuration(proxyBeanMethods = false)
public class KafkaConfig {

  /**
   * Only retryable failures reach the container (the batch consumer dead-letters the others itself, and isolates a
   * batch that keeps failing with what is not an outage), so the batch is retried with back-off, the consumer paused
   * meanwhile, and nothing committed, for as long as it takes.
   */
  @Bean
  CommonErrorHandler storeErrorHandler(StoreProperties properties) {
    ExponentialBackOff backOff = new ExponentialBackOff(
        properties.retry().initialInterval().toMillis(), properties.retry().multiplier());
    backOff.setMaxInterval(properties.retry().maxInterval().toMillis());
    backOff.setMaxElapsedTime(Long.MAX_VALUE);
    return new DefaultErrorHandler(backOff);
  }

  @Bean
  DeadLetters deadLetters(KafkaTemplate<String, byte[]> template) {
    return new DeadLetters(template);
  }

  @Bean
  ArticleBatchConsumer articleBatchConsumer(ArticleWriter writer, DeadLetters deadLetters, StoreProperties properties) {
    return new ArticleBatchConsumer(writer::write, deadLetters, properties.retry().isolateAfter());
  }

  @Bean
  EnrichedArticleListener enrichedArticleListener(ArticleBatchConsumer consumer) {
    return new EnrichedArticleListener(consumer);
  }
}
