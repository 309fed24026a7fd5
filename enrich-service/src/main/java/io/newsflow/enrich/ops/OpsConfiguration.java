package io.newsflow.enrich.ops;

import io.micrometer.core.instrument.MeterRegistry;
import io.newsflow.enrich.config.EnrichProperties;
import io.newsflow.ops.KafkaClientMeters;
import io.newsflow.ops.KafkaHealthIndicator;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Operations beans: the broker readiness check (health contributor {@code kafka}, in the readiness
 * group) and Kafka client metrics (consumer lag of the raw topic). Keys, each settable by environment
 * variable: {@code newsflow.ops.kafka-check-timeout} (NEWSFLOW_OPS_KAFKA_CHECK_TIMEOUT, default 2s) and
 * {@code newsflow.ops.kafka-check-cache} (NEWSFLOW_OPS_KAFKA_CHECK_CACHE, default 5s).
 */
@Configuration(proxyBeanMethods = false)
class OpsConfiguration {

  @Bean(destroyMethod = "close")
  KafkaHealthIndicator kafkaHealthIndicator(EnrichProperties properties,
      @Value("${newsflow.ops.kafka-check-timeout:2s}") Duration timeout,
      @Value("${newsflow.ops.kafka-check-cache:5s}") Duration cache) {
    return new KafkaHealthIndicator(properties.bootstrapServers(), timeout, cache);
  }

  @Bean
  static KafkaClientMeters kafkaClientMeters(ObjectProvider<MeterRegistry> registry) {
    return new KafkaClientMeters(registry);
  }
}
