package io.newsflow.e2e;

import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * The same pipeline test against real {@code apache/kafka} (KRaft) and {@code mongo} images. Skipped, with
 * Testcontainers' message, where no Docker engine runs.
 */
@Testcontainers(disabledWithoutDocker = true)
class PipelineEndToEndContainersIT extends PipelineEndToEndContract {

  @Container
  static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:4.1.1");

  @Container
  static final MongoDBContainer MONGO = new MongoDBContainer("mongo:8.0");

  @Override
  protected String kafkaBootstrapServers() {
    return KAFKA.getBootstrapServers();
  }

  @Override
  protected String mongoUri() {
    // the services and the test share one database name on the container
    return MONGO.getReplicaSetUrl("newsflow");
  }
}
