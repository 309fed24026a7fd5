package io.newsflow.store;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.condition.EnabledIf;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * The store suite against real MongoDB (a single-node replica set from the {@code mongo} image), so the
 * code is held to the real server's behaviour and not only to the embedded stand-in's. Skipped with a
 * message where no Docker engine runs.
 */
@EnabledIf(value = "dockerAvailable",
    disabledReason = "no Docker engine here: the real-MongoDB variant of the store suite (mongo:8.0 via Testcontainers) is skipped")
class MongoContainerStoreTest extends BoundedReadModelSuite {

  static MongoDBContainer mongo;

  static boolean dockerAvailable() {
    return DockerClientFactory.instance().isDockerAvailable();
  }

  @BeforeAll
  static void start() {
    mongo = new MongoDBContainer("mongo:8.0");
    mongo.start();
  }

  @AfterAll
  static void stop() {
    if (mongo != null) {
      mongo.stop();
    }
  }

  @Override
  protected String mongoUri() {
    return mongo.getConnectionString();
  }

  @Override
  protected boolean isRealMongo() {
    return true;
  }
}
