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

/**
 * A read-model write that lost a race to another store instance is retried, not dead-lettered; a read of more bytes
 * than one wire message holds is split, not failed.
 */
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
          assertThat(StoreErrorClassifier.isRetryable(e)).isTrue();
        });
  }

  @Test
  void aLoadWhoseReplyWouldPassTheMessageLimitIsSplitIntoSmallerQueries() {
    MongoCollection<Document> parts = mongo.client().getDatabase("keyed").getCollection("cooccurrence_days");
    String text = "KAZ\tRUS\t1\tmilitary-exercises=1\n".repeat(32_000); // ~1 MB, as a busy co-occurrence part grows
    List<String> ids = new java.util.ArrayList<>();
    for (int i = 0; i < 60; i++) {
      ids.add("2024-09-12T07#" + i);
      parts.insertOne(new Document("_id", ids.get(i)).append("pairs", text));
    }

    // 60 MB asked in one chunk: more than the 48 MB a reply may be
    java.util.Map<String, Document> found = KeyedDocuments.load(parts, ids, null, 500);

    assertThat(found).hasSize(60);
    assertThat(found.get("2024-09-12T07#59").getString("pairs")).hasSize(text.length());
  }
}
