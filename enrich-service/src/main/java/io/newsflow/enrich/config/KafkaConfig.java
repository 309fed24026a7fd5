package io.newsflow.enrich.config;

import io.newsflow.enrich.pipeline.ErrorClassifier;
import io.newsflow.model.topic.Topics;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

/**
 * Kafka clients of enrich-service, all built from {@link EnrichProperties}: raw bytes in and out
 * (decoding is the pipeline's job, so an undecodable record reaches the error handler with its
 * original bytes), an idempotent acks=all producer, and the error handler that retries or
 * dead-letters as {@link ErrorClassifier} decides.
 */
@Configuration(proxyBeanMethods = false)
class KafkaConfig {

  /** Ordering per article survives retries because the idempotent producer allows at most 5 in flight. */
  static Map<String, Object> producerProperties(EnrichProperties properties) {
    Map<String, Object> config = new HashMap<>();
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, properties.bootstrapServers());
    config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
    // the listener sends a whole poll's worth and flushes once at its end, so a long linger costs no
    // latency there; a 5 ms linger sent ~3.5 records per request (a request per article and a half with
    // the signatures), and the broker's and producer's per-request work cost more than the bytes
    config.put(ProducerConfig.LINGER_MS_CONFIG, (int) properties.producer().linger().toMillis());
    config.put(ProducerConfig.BATCH_SIZE_CONFIG, properties.producer().batchSize());
    // zstd by default: measured on the service (BENCHMARKS.md C.3), it sends a third of lz4's bytes, so the
    // broker does less work, and the compressing (consumer) threads cost no measurably more than with lz4
    config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, properties.producer().compression());
    config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) properties.sendTimeout().toMillis());
    config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(properties.sendTimeout().toMillis(), 10_000));
    return config;
  }

  static Map<String, Object> consumerProperties(EnrichProperties properties) {
    Map<String, Object> config = new HashMap<>();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, properties.bootstrapServers());
    config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, properties.maxPollRecords());
    return config;
  }

  @Bean
  KafkaAdmin kafkaAdmin(EnrichProperties properties) {
    return new KafkaAdmin(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, properties.bootstrapServers()));
  }

  /** The topics enrich-service writes; KafkaAdmin creates the missing ones at start-up. */
  @Bean
  KafkaAdmin.NewTopics enrichTopics(EnrichProperties properties) {
    return new KafkaAdmin.NewTopics(
        TopicBuilder.name(Topics.ENRICHED_ARTICLES.name()).partitions(4).build(),
        TopicBuilder.name(Topics.RAW_ARTICLES.deadLetter()).partitions(1).build(),
        signaturesTopic(properties));
  }

  /** Compacted to one entry per article, and deleted past the dedupe window, so it stays as small as the index. */
  static NewTopic signaturesTopic(EnrichProperties properties) {
    return TopicBuilder.name(properties.signaturesTopic())
        .partitions(properties.signaturesPartitions())
        .config(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT + "," + TopicConfig.CLEANUP_POLICY_DELETE)
        .config(TopicConfig.RETENTION_MS_CONFIG, String.valueOf(properties.dedupe().window().plusDays(1).toMillis()))
        .build();
  }

  @Bean
  ProducerFactory<String, byte[]> producerFactory(EnrichProperties properties) {
    return new DefaultKafkaProducerFactory<>(producerProperties(properties));
  }

  @Bean
  KafkaTemplate<String, byte[]> kafkaTemplate(ProducerFactory<String, byte[]> producerFactory) {
    return new KafkaTemplate<>(producerFactory);
  }

  @Bean
  ConsumerFactory<String, byte[]> consumerFactory(EnrichProperties properties) {
    Map<String, Object> config = consumerProperties(properties);
    config.put(ConsumerConfig.GROUP_ID_CONFIG, properties.consumerGroup());
    return new DefaultKafkaConsumerFactory<>(config);
  }

  @Bean
  ErrorClassifier errorClassifier() {
    return new ErrorClassifier();
  }

  @Bean
  DefaultErrorHandler errorHandler(KafkaTemplate<String, byte[]> template, ErrorClassifier classifier,
      EnrichProperties properties) {
    DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(template,
        (record, failure) -> new TopicPartition(Topics.RAW_ARTICLES.deadLetter(), -1));
    recoverer.setHeadersFunction(new DeadLetterHeadersFunction(classifier));
    EnrichProperties.Retry retry = properties.retry();
    ExponentialBackOffWithMaxRetries transientBackOff = new ExponentialBackOffWithMaxRetries(retry.maxAttempts() - 1);
    transientBackOff.setInitialInterval(retry.initialInterval().toMillis());
    transientBackOff.setMultiplier(retry.multiplier());
    transientBackOff.setMaxInterval(retry.maxInterval().toMillis());
    // the broker being away says nothing about the record: wait for it as long as it takes (the partition stays
    // where it is, nothing is committed), so a long outage never dead-letters valid articles
    ExponentialBackOff untilTheBrokerIsBack = new ExponentialBackOff(retry.initialInterval().toMillis(), retry.multiplier());
    untilTheBrokerIsBack.setMaxInterval(retry.maxInterval().toMillis());
    BackOff deadLetterAtOnce = new FixedBackOff(0, 0);
    DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, transientBackOff);
    handler.setBackOffFunction((record, failure) -> switch (classifier.classify(failure)) {
      case BROKER_UNAVAILABLE -> untilTheBrokerIsBack;
      case UNEXPECTED -> transientBackOff;
      case UNDECODABLE, INVALID, TOO_LARGE -> deadLetterAtOnce;
    });
    return handler;
  }

  @Bean
  ConcurrentKafkaListenerContainerFactory<String, byte[]> kafkaListenerContainerFactory(
      ConsumerFactory<String, byte[]> consumerFactory, DefaultErrorHandler errorHandler, EnrichProperties properties) {
    ConcurrentKafkaListenerContainerFactory<String, byte[]> factory = new ConcurrentKafkaListenerContainerFactory<>();
    factory.setConsumerFactory(consumerFactory);
    factory.setBatchListener(true);
    factory.setConcurrency(properties.concurrency());
    factory.setCommonErrorHandler(errorHandler);
    return factory;
  }
}
