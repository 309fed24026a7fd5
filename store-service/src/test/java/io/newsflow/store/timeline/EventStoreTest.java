package io.newsflow.store.timeline;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import io.newsflow.localstack.EmbeddedMongoServer;
import io.newsflow.store.article.ArticleWriter;
import io.newsflow.store.mongo.Indexes;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * Set-up shared by the event read model's tests: one in-memory server per class, a fresh database per test, a
 * writer with only the event read model, and the event query.
 */
abstract class EventStoreTest {

  static EmbeddedMongoServer server;
  static MongoClient client;
  MongoDatabase db;
  ArticleWriter writer;
  EventTimelineQuery events;

  /** The writer's clock. */
  abstract Instant now();

  @BeforeAll
  static void start() {
    server = EmbeddedMongoServer.inMemory().start();
    client = MongoClients.create(server.uri());
  }

  @AfterAll
  static void stop() {
    client.close();
    server.close();
  }

  @BeforeEach
  void connect() {
    db = client.getDatabase("ev" + UUID.randomUUID().toString().replace("-", "").substring(0, 12));
    Indexes.ensure(db);
    writer = new ArticleWriter(db, List.of(new EventTimeline(db)), Clock.fixed(now(), ZoneOffset.UTC));
    events = new EventTimelineQuery(db);
  }

  @AfterEach
  void drop() {
    db.drop();
  }
}
