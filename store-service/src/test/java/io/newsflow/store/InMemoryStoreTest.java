package io.newsflow.store;

import io.newsflow.localstack.EmbeddedMongoServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The store suite on the embedded MongoDB-wire server, in-memory backend. */
class InMemoryStoreTest extends BoundedReadModelSuite {

  static EmbeddedMongoServer server;

  @BeforeAll
  static void start() {
    server = EmbeddedMongoServer.inMemory().start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Override
  protected String mongoUri() {
    return server.uri();
  }

  @Override
  protected boolean isRealMongo() {
    return false;
  }
}
