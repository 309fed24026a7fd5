package io.newsflow.store.mongo;

import com.mongodb.MongoException;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Readiness of the store: MongoDB answers a ping and the indexes exist. Part of the readiness group,
 * so a load balancer stops sending queries while the database is unreachable.
 */
public class MongoHealthIndicator extends AbstractHealthIndicator {

  private static final Logger log = LoggerFactory.getLogger(MongoHealthIndicator.class);

  private final MongoDatabase db;
  private volatile Indexes.IndexReport indexes;

  public MongoHealthIndicator(MongoDatabase db) {
    super("MongoDB health check failed");
    this.db = db;
  }

  /** Creates the indexes now if the server answers; otherwise returns a report of none and retries on health checks. */
  public Indexes.IndexReport ensureIndexes() {
    try {
      indexes = Indexes.ensure(db);
    } catch (MongoException e) {
      log.warn("MongoDB unreachable at start-up, indexes will be created when it answers: {}", e.getMessage());
      return new Indexes.IndexReport(0, false);
    }
    return indexes;
  }

  /** Whether free text can use the server's {@code $text} index. */
  public boolean isTextSearchAvailable() {
    Indexes.IndexReport report = indexes;
    return report != null && report.textSearch();
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    Document pong = db.runCommand(new Document("ping", 1));
    if (indexes == null) {
      ensureIndexes();
    }
    builder.withDetail("database", db.getName()).withDetail("ping", pong.get("ok"))
        .withDetail("indexes", indexes == null ? "pending" : indexes.created() + " of " + Indexes.ALL.size())
        .withDetail("textSearch", isTextSearchAvailable() ? "$text index" : "title-word fallback");
    if (indexes == null) {
      builder.down();
    } else {
      builder.up();
    }
  }
}
