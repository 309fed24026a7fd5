package io.newsflow.ingest.config;

import io.newsflow.ingest.http.AddressGuard;
import io.newsflow.ingest.http.HostPoliteness;
import io.newsflow.ingest.http.SafeHttpClient;
import io.newsflow.ingest.kafka.RecordSender;
import io.newsflow.ingest.publish.RawArticlePublisher;
import io.newsflow.model.topic.Topics;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;

/** Infrastructure beans: the producer, the topics ingest writes, the HTTP client. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IngestProperties.class)
class IngestConfiguration {

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  @Bean
  ProducerFactory<String, byte[]> producerFactory(@Value("${spring.kafka.bootstrap-servers}") String bootstrap) {
    Map<String, Object> props = new HashMap<>();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    // set explicitly, not left to client defaults: a cursor may only advance over durable, unduplicated writes
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
    props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
    props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
    return new DefaultKafkaProducerFactory<>(props);
  }

  @Bean
  KafkaTemplate<String, byte[]> kafkaTemplate(ProducerFactory<String, byte[]> factory) {
    return new KafkaTemplate<>(factory);
  }

  @Bean
  RecordSender recordSender(KafkaTemplate<String, byte[]> template, IngestProperties props) {
    return new RecordSender(template, props.kafka().publishTimeout());
  }

  @Bean
  RawArticlePublisher rawArticlePublisher(RecordSender sender, IngestProperties props) {
    return new RawArticlePublisher(sender, props.kafka().maxConcurrentPublishes());
  }

  @Bean
  NewTopic feedsTopic() {
    return TopicBuilder.name(Topics.FEEDS.name()).partitions(4).compact().build();
  }

  @Bean
  NewTopic cursorsTopic(IngestProperties props) {
    return TopicBuilder.name(props.kafka().cursorsTopic()).partitions(4).compact().build();
  }

  @Bean
  NewTopic rawArticlesTopic() {
    return TopicBuilder.name(Topics.RAW_ARTICLES.name()).partitions(4).build();
  }

  @Bean(destroyMethod = "close")
  SafeHttpClient safeHttpClient(IngestProperties props) {
    IngestProperties.Http http = props.http();
    return new SafeHttpClient(http, AddressGuard.from(http), new HostPoliteness(http.perHostConcurrency(), http.perHostMinDelay()));
  }
}
