package io.newsflow.enrich.config;

import io.newsflow.enrich.dedupe.Deduplicator;
import io.newsflow.enrich.dedupe.SignatureLog;
import io.newsflow.enrich.pipeline.EnrichedArticlePublisher;
import io.newsflow.enrich.pipeline.EnrichmentPipeline;
import io.newsflow.enrich.pipeline.RawArticleListener;
import io.newsflow.enrich.tagging.ArticleTagger;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;

/** The enrichment stages and how they are connected. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EnrichProperties.class)
class PipelineConfig {

  @Bean
  ArticleTagger articleTagger() {
    return ArticleTagger.loadDefault();
  }

  /**
   * Signatures go through the enriched articles' shared producer: one produce request then carries both
   * topics' batches of a poll, half the requests (and broker work) of a producer each.
   */
  @Bean(destroyMethod = "close")
  SignatureLog signatureLog(EnrichProperties properties, ProducerFactory<String, byte[]> producerFactory) {
    Map<String, Object> consumer = KafkaConfig.consumerProperties(properties);
    return new SignatureLog(properties.signaturesTopic(), producerFactory::createProducer,
        () -> new KafkaConsumer<>(consumer));
  }

  @Bean
  Deduplicator deduplicator(EnrichProperties properties, SignatureLog signatureLog) {
    return new Deduplicator(properties.dedupe().settings(), "enrich-" + UUID.randomUUID(), signatureLog);
  }

  @Bean
  DedupeIndexLifecycle dedupeIndexLifecycle(SignatureLog signatureLog, Deduplicator deduplicator, EnrichProperties properties) {
    return new DedupeIndexLifecycle(signatureLog, deduplicator, properties.restoreTimeout());
  }

  /** Ready only once the dedupe index is read back; before that, verdicts would be wrong. */
  @Bean
  HealthIndicator dedupeIndex(SignatureLog signatureLog, Deduplicator deduplicator) {
    return () -> (signatureLog.isRestored() ? Health.up() : Health.outOfService())
        .withDetail("entries", deduplicator.size())
        .build();
  }

  @Bean
  EnrichmentPipeline enrichmentPipeline(ArticleTagger tagger, Deduplicator deduplicator) {
    return new EnrichmentPipeline(tagger, deduplicator, Clock.systemUTC());
  }

  @Bean
  RawArticleListener rawArticleListener(EnrichmentPipeline pipeline, KafkaTemplate<String, byte[]> template,
      EnrichProperties properties) {
    return new RawArticleListener(pipeline, new EnrichedArticlePublisher(template), properties.sendTimeout().toMillis());
  }
}
