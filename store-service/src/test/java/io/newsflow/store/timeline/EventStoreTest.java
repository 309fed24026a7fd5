package io.newsflow.store.timeline;

import com.mongodb.client.MongoDatabase;
import io.newsflow.store.article.ArticleWriter;
import io.newsflow.store.mongo.InMemoryMongo;
import io.newsflow.store.mongo.Indexes;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Set-up shared by the event read model's tests: one in-memory server per class, a fresh database per test, a
 * writer with only the event read model, and the event query.
 */
abstract class EventStoreTest {

  MongoDatabase db;
  ArticleWriter writer;
  EventTimelineQuery events;

  /** The writer's clock. */
  abstract Instant now();

  @RegisterExtension
  static final InMemoryMongo mongo = new InMemoryMongo();

  @BeforeEach
  void connect() {
    db = mongo.client().getDatabase("ev" + UUID.randomUUID().toString().replace("-", "").substring(0, 12));
    Indexes.ensure(db);
    writer = new ArticleWriter(db, List.of(new EventTimeline(db)), Clock.fixed(now(), ZoneOffset.UTC));
    events = new EventTimelineQuery(db);
  }

  @AfterEach
  void drop() {
    db.drop();
  }
}
