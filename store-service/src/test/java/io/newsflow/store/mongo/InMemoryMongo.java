package io.newsflow.store.mongo;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.event.CommandStartedEvent;
import io.newsflow.localstack.EmbeddedMongoServer;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One in-memory MongoDB-wire server per test class and a client to it, as a JUnit extension
 * ({@code @RegisterExtension static final InMemoryMongo mongo = new InMemoryMongo();}): started before the class's own
 * {@code @BeforeAll} methods, closed after its {@code @AfterAll} ones.
 */
public final class InMemoryMongo implements BeforeAllCallback, AfterAllCallback {

  private final Consumer<CommandStartedEvent> onCommand;
  private EmbeddedMongoServer server;
  private MongoClient client;

  public InMemoryMongo() {
    this(null);
  }

  /** @param onCommand sees every command the client sends (see {@link CommandRecordingClient}); null for none */
  public InMemoryMongo(Consumer<CommandStartedEvent> onCommand) {
    this.onCommand = onCommand;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    server = EmbeddedMongoServer.inMemory().start();
    client = onCommand == null ? MongoClients.create(server.uri()) : CommandRecordingClient.create(server.uri(), onCommand);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    client.close();
    server.close();
  }

  public MongoClient client() {
    return client;
  }
}
