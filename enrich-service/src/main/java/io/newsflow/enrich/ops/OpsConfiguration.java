package io.newsflow.enrich.ops;

import io.micrometer.core.instrument.MeterRegistry;
import io.newsflow.enrich.config.EnrichProperties;
import io.newsflow.model.topic.Topics;
import io.newsflow.ops.ConsumerGroupLag;
import io.newsflow.ops.KafkaClientMeters;
import io.newsflow.ops.KafkaHealthIndicator;
import java.time.Duration;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Operations beans: the broker readiness check (health contributor {@code kafka}, in the readiness
 * group) and Kafka client metrics (consumer lag of the raw topic). Keys, each settable by environment
 * variable: {@code newsflow.ops.kafka-check-timeout} (NEWSFLOW_OPS_KAFKA_CHECK_TIMEOUT, default 2s),
 * {@code newsflow.ops.kafka-check-cache} (NEWSFLOW_OPS_KAFKA_CHECK_CACHE, default 5s) and
 * {@code newsflow.ops.lag-refresh} (NEWSFLOW_OPS_LAG_REFRESH, default 10s).
 */
@Configuration(proxyBeanMethods = false)
class OpsConfiguration {

  @Bean(destroyMethod = "close")
  KafkaHealthIndicator kafkaHealthIndicator(EnrichProperties properties,
      @Value("${newsflow.ops.kafka-check-timeout:2s}") Duration timeout,
      @Value("${newsflow.ops.kafka-check-cache:5s}") Duration cache) {
    return new KafkaHealthIndicator(properties.bootstrapServers(), timeout, cache);
  }

  /** {@code newsflow_consumer_lag}: the raw topic's lag by this service's committed offsets, read every 10 s. */
  @Bean(destroyMethod = "close")
  ConsumerGroupLag consumerGroupLag(EnrichProperties properties,
      @Value("${newsflow.ops.lag-refresh:10s}") Duration refresh) {
    return new ConsumerGroupLag(properties.bootstrapServers(), properties.consumerGroup(), List.of(Topics.RAW_ARTICLES.name()),
        refresh);
  }

  @Bean
  static KafkaClientMeters kafkaClientMeters(ObjectProvider<MeterRegistry> registry) {
    return new KafkaClientMeters(registry);
  }
}
