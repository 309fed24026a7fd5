package io.newsflow.store.ops;

import com.mongodb.client.MongoDatabase;
import io.newsflow.model.topic.Topics;
import io.newsflow.ops.ConsumerGroupLag;
import io.newsflow.ops.KafkaHealthIndicator;
import io.newsflow.store.config.StoreProperties;
import java.time.Duration;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Operations beans: the broker readiness check (health contributor {@code kafka}, in the readiness group
 * beside {@code mongo}) and the stored-articles gauge. Spring Boot builds this service's Kafka factories
 * and binds their clients to the registry itself. Keys, each settable by environment variable:
 * {@code newsflow.ops.kafka-check-timeout} (NEWSFLOW_OPS_KAFKA_CHECK_TIMEOUT, default 2s),
 * {@code newsflow.ops.kafka-check-cache} (NEWSFLOW_OPS_KAFKA_CHECK_CACHE, default 5s) and
 * {@code newsflow.ops.lag-refresh} (NEWSFLOW_OPS_LAG_REFRESH, default 10s).
 */
@Configuration(proxyBeanMethods = false)
class OpsConfiguration {

  @Bean(destroyMethod = "close")
  KafkaHealthIndicator kafkaHealthIndicator(@Value("${spring.kafka.bootstrap-servers}") String bootstrap,
      @Value("${newsflow.ops.kafka-check-timeout:2s}") Duration timeout,
      @Value("${newsflow.ops.kafka-check-cache:5s}") Duration cache) {
    return new KafkaHealthIndicator(bootstrap, timeout, cache);
  }

  /** {@code newsflow_consumer_lag}: the enriched topic's lag by the writer's committed offsets, read every 10 s. */
  @Bean(destroyMethod = "close")
  ConsumerGroupLag consumerGroupLag(@Value("${spring.kafka.bootstrap-servers}") String bootstrap, StoreProperties properties,
      @Value("${newsflow.ops.lag-refresh:10s}") Duration refresh) {
    return new ConsumerGroupLag(bootstrap, properties.consumerGroup(), List.of(Topics.ENRICHED_ARTICLES.name()), refresh);
  }

  @Bean
  ArticleCountMeters articleCountMeters(MongoDatabase db) {
    return new ArticleCountMeters(db);
  }
}
