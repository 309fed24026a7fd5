package io.newsflow.store.ops;

import com.mongodb.client.MongoDatabase;
import io.newsflow.ops.KafkaHealthIndicator;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Operations beans: the broker readiness check (health contributor {@code kafka}, in the readiness group
 * beside {@code mongo}) and the stored-articles gauge. Spring Boot builds this service's Kafka factories
 * and binds their clients to the registry itself. Keys, each settable by environment variable:
 * {@code newsflow.ops.kafka-check-timeout} (NEWSFLOW_OPS_KAFKA_CHECK_TIMEOUT, default 2s) and
 * {@code newsflow.ops.kafka-check-cache} (NEWSFLOW_OPS_KAFKA_CHECK_CACHE, default 5s).
 */
@Configuration(proxyBeanMethods = false)
class OpsConfiguration {

  @Bean(destroyMethod = "close")
  KafkaHealthIndicator kafkaHealthIndicator(@Value("${spring.kafka.bootstrap-servers}") String bootstrap,
      @Value("${newsflow.ops.kafka-check-timeout:2s}") Duration timeout,
      @Value("${newsflow.ops.kafka-check-cache:5s}") Duration cache) {
    return new KafkaHealthIndicator(bootstrap, timeout, cache);
  }

  @Bean
  ArticleCountMeters articleCountMeters(MongoDatabase db) {
    return new ArticleCountMeters(db);
  }
}
