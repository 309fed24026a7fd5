package io.newsflow.store.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.InsertOneModel;
import io.newsflow.localstack.EmbeddedMongoServer;
import io.newsflow.store.article.StoreErrorClassifier;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A read-model write that lost a race to another store instance is retried, not dead-lettered. */
class KeyedDocumentsTest {

  static EmbeddedMongoServer server;
  static MongoClient client;

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

  @Test
  void aDuplicateKeyFromAConcurrentWriterIsAConcurrentUpdateThatTheServiceRetries() {
    MongoCollection<Document> pages = client.getDatabase("keyed").getCollection("timeline_buckets");
    // the other instance created the page first
    pages.insertOne(new Document("_id", "a:KAZ|2024-09-12#0").append("items", List.of()));

    assertThatThrownBy(() -> KeyedDocuments.write(pages, List.of(new InsertOneModel<>(new Document("_id", "a:KAZ|2024-09-12#0")))))
        .isInstanceOfSatisfying(ConcurrentUpdateException.class, e -> {
          assertThat(e.collection()).isEqualTo("timeline_buckets");
          assertThat(StoreErrorClassifier.classify(e)).isEqualTo(StoreErrorClassifier.Outcome.RETRY);
        });
  }
}
