package io.newsflow.store.retention;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import io.newsflow.model.article.EnrichedArticle;
import io.newsflow.store.Articles;
import io.newsflow.store.article.ArticleWriter;
import io.newsflow.store.mongo.Collections;
import io.newsflow.store.mongo.InMemoryMongo;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What the retention sweep leaves of the busy keys' newest-items lists (the timeline's other views: StoreSuite). */
class RetentionSweepTest {

  @RegisterExtension
  static final InMemoryMongo mongo = new InMemoryMongo();

  @Test
  void theNewestItemsListsKeepNoItemOfADeletedArticle() {
    MongoDatabase db = mongo.client().getDatabase("retention_latest");
    ArticleWriter writer = new ArticleWriter(db, List.of(), Clock.fixed(Instant.parse("2024-09-20T12:00:00Z"), ZoneOffset.UTC));
    // 20 articles of one actor in a batch: enough for its own list (LatestItems.MIN_ADDED), and all of them in the all list
    List<EnrichedArticle> old = kazakh("2024/08/old", Instant.parse("2024-08-01T06:00:00Z"), 20);
    List<EnrichedArticle> recent = kazakh("2024/09/recent", Instant.parse("2024-09-15T06:00:00Z"), 20);
    writer.write(old);
    writer.write(recent);
    assertThat(listed(db, "a:KAZ")).containsAll(ids(recent)).hasSizeGreaterThan(recent.size());

    new RetentionSweep(db).sweep(Instant.parse("2024-09-01T00:00:00Z"));

    for (String key : List.of("all", "a:KAZ")) {
      assertThat(listed(db, key)).as(key).containsExactlyInAnyOrderElementsOf(ids(recent));
    }
  }

  private static List<EnrichedArticle> kazakh(String prefix, Instant start, int n) {
    List<EnrichedArticle> articles = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      articles.add(Articles.article(prefix + "-" + i).title("Astana briefing " + i).publishedAt(start.plusSeconds(600L * i).toString())
          .actor("KAZ", "Kazakhstan", "STATE", 0.9).build());
    }
    return articles;
  }

  private static List<String> ids(List<EnrichedArticle> articles) {
    return articles.stream().map(EnrichedArticle::articleId).toList();
  }

  private static List<String> listed(MongoDatabase db, String key) {
    Document list = db.getCollection(Collections.TIMELINE_LATEST).find(new Document("_id", key)).first();
    return list == null ? List.of() : list.getList("items", Document.class).stream().map(d -> d.getString("articleId")).toList();
  }
}
