package io.newsflow.ops;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.MicrometerConsumerListener;
import org.springframework.kafka.core.MicrometerProducerListener;

/**
 * Binds the Kafka clients of every Spring Kafka factory to the meter registry (consumer lag per topic
 * and partition, send and error rates). Spring Boot does this only for the factories it builds itself;
 * ingest and enrich build their own (enrich for its idempotent producer settings), so the listeners are
 * added here, once per factory.
 */
public final class KafkaClientMeters implements BeanPostProcessor {

  private final ObjectProvider<MeterRegistry> registry;

  public KafkaClientMeters(ObjectProvider<MeterRegistry> registry) {
    this.registry = registry;
  }

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) {
    if (bean instanceof DefaultKafkaConsumerFactory<?, ?> consumers) {
      bindConsumers(consumers);
    } else if (bean instanceof DefaultKafkaProducerFactory<?, ?> producers) {
      bindProducers(producers);
    }
    return bean;
  }

  private <K, V> void bindConsumers(DefaultKafkaConsumerFactory<K, V> factory) {
    if (factory.getListeners().stream().noneMatch(MicrometerConsumerListener.class::isInstance)) {
      factory.addListener(new MicrometerConsumerListener<>(registry.getObject()));
    }
  }

  private <K, V> void bindProducers(DefaultKafkaProducerFactory<K, V> factory) {
    if (factory.getListeners().stream().noneMatch(MicrometerProducerListener.class::isInstance)) {
      factory.addListener(new MicrometerProducerListener<>(registry.getObject()));
    }
  }
}
