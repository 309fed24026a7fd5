package io.newsflow.store.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.newsflow.model.article.EnrichedArticle;
import io.newsflow.store.Articles;
import io.newsflow.store.mongo.Collections;
import io.newsflow.store.mongo.ConcurrentUpdateException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * The update-pipeline guard on real MongoDB: a writer that read an old version (a consumer fenced off by
 * a rebalance, still finishing its batch) sends its older version after a newer one was stored. The
 * server must keep the newer one and the writer must see its write refused. Skipped without Docker.
 */
@EnabledIf(value = "dockerAvailable", disabledReason = "no Docker engine here: the update-pipeline guard is checked on mongo:8.0 only")
class StaleVersionGuardContainerTest {

  static MongoDBContainer mongo;
  static MongoClient client;

  static boolean dockerAvailable() {
    return DockerClientFactory.instance().isDockerAvailable();
  }

  @BeforeAll
  static void start() {
    mongo = new MongoDBContainer("mongo:8.0");
    mongo.start();
    client = MongoClients.create(mongo.getConnectionString());
  }

  @AfterAll
  static void stop() {
    client.close();
    mongo.stop();
  }

  @Test
  void anOlderVersionSentAfterANewerOneIsRefusedByTheServer() {
    MongoDatabase db = client.getDatabase("guard");
    ArticleDocuments documents = new ArticleDocuments(db);
    assertThat(documents.usesPipelineUpdates()).isTrue();
    Date now = Date.from(Instant.parse("2024-09-12T09:00:00Z"));
    EnrichedArticle v1 = Articles.article("2024/09/guard").revision(1).occurredAt("2024-09-12T08:00:00Z").title("first").build();
    EnrichedArticle v2 = Articles.article("2024/09/guard").revision(2).occurredAt("2024-09-12T10:00:00Z").title("second").build();
    documents.write(List.of(new ArticleWriter.StoredChange(v1, List.of(), ArticleWriter.StoredChange.Write.INSERT, 1, now)), now);
    documents.write(List.of(new ArticleWriter.StoredChange(v2, List.of(), ArticleWriter.StoredChange.Write.REPLACE, 2, now)), now);

    // the fenced-off writer read revision 1 before revision 2 was written, and replaces with a re-enrichment of 1
    EnrichedArticle late = Articles.article("2024/09/guard").revision(1).occurredAt("2024-09-12T11:00:00Z").title("late").build();
    assertThatThrownBy(() -> documents.write(List.of(new ArticleWriter.StoredChange(late, List.of(),
        ArticleWriter.StoredChange.Write.REPLACE, 2, now)), now)).isInstanceOf(ConcurrentUpdateException.class);

    Document stored = db.getCollection(Collections.ARTICLES).find(Filters.eq("_id", v2.articleId())).first();
    assertThat(stored.getString("title")).isEqualTo("second");
    assertThat(stored.getInteger("versionCount")).isEqualTo(2);
    assertThat(stored.getDate("firstSeenAt")).isEqualTo(now);
  }

  @Test
  void theWholeWriterKeepsTheNewestVersionWhateverTheOrder() {
    MongoDatabase db = client.getDatabase("guard_writer");
    ArticleWriter writer = new ArticleWriter(db, List.of(), Clock.fixed(Instant.parse("2024-09-12T09:00:00Z"), ZoneOffset.UTC));
    EnrichedArticle v2 = Articles.article("2024/09/order").revision(2).occurredAt("2024-09-12T10:00:00Z").title("second").build();
    EnrichedArticle v1 = Articles.article("2024/09/order").revision(1).occurredAt("2024-09-12T08:00:00Z").title("first").build();
    writer.write(List.of(v2));

    assertThat(writer.write(List.of(v1)).stale()).isEqualTo(1);
    assertThat(db.getCollection(Collections.ARTICLES).find(Filters.eq("_id", v2.articleId())).first().getString("title"))
        .isEqualTo("second");
  }
}
