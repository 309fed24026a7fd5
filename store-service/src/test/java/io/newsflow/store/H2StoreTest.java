package io.newsflow.store;

import io.newsflow.localstack.EmbeddedMongoServer;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** The store suite on the embedded MongoDB-wire server with its persistent H2 backend. */
class H2StoreTest extends BoundedReadModelSuite {

  @TempDir
  static Path dataDir;
  static EmbeddedMongoServer server;

  @BeforeAll
  static void start() {
    server = new EmbeddedMongoServer(dataDir, 0).start();
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
