package io.newsflow.e2e;

import io.newsflow.localstack.EmbeddedKafkaBroker;
import io.newsflow.localstack.EmbeddedMongoServer;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** The pipeline on the real embedded Kafka broker (KRaft) and the persistent MongoDB-wire server. */
class PipelineEndToEndIT extends PipelineEndToEndContract {

  @TempDir
  static Path data;

  private static EmbeddedKafkaBroker kafka;
  private static EmbeddedMongoServer mongo;

  @BeforeAll
  static void startStack() {
    kafka = new EmbeddedKafkaBroker(data.resolve("kafka"), 0).start();
    mongo = new EmbeddedMongoServer(data.resolve("mongo"), 0).start();
  }

  @AfterAll
  static void stopStack() {
    if (mongo != null) {
      mongo.close();
    }
    if (kafka != null) {
      kafka.close();
    }
  }

  @Override
  protected String kafkaBootstrapServers() {
    return kafka.bootstrapServers();
  }

  @Override
  protected String mongoUri() {
    return mongo.uri();
  }
}
