package io.newsflow.ingest.ops;

import io.micrometer.core.instrument.MeterRegistry;
import io.newsflow.ingest.feed.CursorStore;
import io.newsflow.ingest.feed.FeedRegistry;
import io.newsflow.ops.KafkaClientMeters;
import io.newsflow.ops.KafkaHealthIndicator;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Operations beans: the broker readiness check (health contributor {@code kafka}, in the readiness
 * group), Kafka client metrics and the feed-health gauges. Keys, each settable by environment variable:
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
  static KafkaClientMeters kafkaClientMeters(ObjectProvider<MeterRegistry> registry) {
    return new KafkaClientMeters(registry);
  }

  @Bean
  FeedHealthMeters feedHealthMeters(FeedRegistry registry, CursorStore cursors, Clock clock) {
    return new FeedHealthMeters(registry, cursors, clock);
  }
}
