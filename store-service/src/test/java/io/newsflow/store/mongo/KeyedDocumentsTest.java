package io.newsflow.store.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.InsertOneModel;
import io.newsflow.store.article.StoreErrorClassifier;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A read-model write that lost a race to another store instance is retried, not dead-lettered. */
class KeyedDocumentsTest {


  @RegisterExtension
  static final InMemoryMongo mongo = new InMemoryMongo();

  @Test
  void aDuplicateKeyFromAConcurrentWriterIsAConcurrentUpdateThatTheServiceRetries() {
    MongoCollection<Document> pages = mongo.client().getDatabase("keyed").getCollection("timeline_buckets");
    // the other instance created the page first
    pages.insertOne(new Document("_id", "a:KAZ|2024-09-12#0").append("items", List.of()));

    assertThatThrownBy(() -> KeyedDocuments.write(pages, List.of(new InsertOneModel<>(new Document("_id", "a:KAZ|2024-09-12#0")))))
        .isInstanceOfSatisfying(ConcurrentUpdateException.class, e -> {
          assertThat(e.collection()).isEqualTo("timeline_buckets");
          assertThat(StoreErrorClassifier.classify(e)).isEqualTo(StoreErrorClassifier.Outcome.RETRY);
        });
  }
}
