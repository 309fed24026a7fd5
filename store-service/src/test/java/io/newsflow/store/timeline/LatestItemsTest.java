package io.newsflow.store.timeline;

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
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The busy keys' newest items ({@link LatestItems}): the first page of a busy key takes its items from one document,
 * and that document never serves another version of an article than its refs, after a revision or a repeated batch.
 */
class LatestItemsTest {

  static final Instant START = Instant.parse("2024-09-12T06:00:00Z");

  static final AtomicInteger itemReads = new AtomicInteger();
  static final AtomicInteger latestReads = new AtomicInteger();
  static final AtomicInteger latestUpdates = new AtomicInteger();

  static List<EnrichedArticle> wire(String prefix, int n) {
    List<EnrichedArticle> articles = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      articles.add(Articles.article("2024/09/" + prefix + "-" + i).title("Astana wire " + prefix + " " + i)
          .publishedAt(START.plusSeconds(60L * i).toString()).actor("KAZ", "Kazakhstan", "STATE", 0.9).build());
    }
    return articles;
  }

  static List<String> newestIds(List<EnrichedArticle> articles, int n) {
    return articles.reversed().subList(0, n).stream().map(EnrichedArticle::articleId).toList();
  }

  @RegisterExtension
  static final InMemoryMongo mongo = new InMemoryMongo(event -> {
    if (event.getCommandName().equals("find")) {
      String collection = event.getCommand().getString("find").getValue();
      if (collection.equals(Collections.TIMELINE_ITEMS)) {
        itemReads.incrementAndGet();
      } else if (collection.equals(Collections.TIMELINE_LATEST)) {
        latestReads.incrementAndGet();
      }
    } else if (event.getCommandName().equals("update")
        && event.getCommand().getString("update").getValue().equals(Collections.TIMELINE_LATEST)) {
      latestUpdates.incrementAndGet();
    }
  });

  @Test
  void theFirstPageOfABusyKeyTakesItsItemsFromItsNewestItemsAndLaterPagesFromTheItemDocuments() {
    MongoDatabase db = mongo.client().getDatabase("latest_first_page");
    ArticleWriter writer = new ArticleWriter(db, List.of(), Clock.fixed(START, ZoneOffset.UTC));
    List<EnrichedArticle> articles = wire("first", 120);
    writer.write(articles.subList(0, 60));
    writer.write(articles.subList(60, 120));
    TimelineQuery query = new TimelineQuery(db, 20_000, () -> false);

    itemReads.set(0);
    TimelinePage first = query.page(TimelineRequest.latest(50));
    int readsForFirst = itemReads.get();
    TimelinePage second = query.page(new TimelineRequest(List.of(), false, List.of(), null, null, List.of(), null, null, 50,
        TimelineCursor.decode(first.nextCursor()), false));

    assertThat(first.items()).extracting(TimelineItem::articleId).containsExactlyElementsOf(newestIds(articles, 50));
    assertThat(first.items().getFirst().title()).isEqualTo("Astana wire first 119");
    assertThat(readsForFirst).isZero();
    assertThat(second.items()).extracting(TimelineItem::articleId)
        .containsExactlyElementsOf(newestIds(articles, 100).subList(50, 100));
    assertThat(db.getCollection(Collections.TIMELINE_LATEST).find(new Document("_id", "all")).first()
        .getList("items", Document.class)).hasSize(LatestItems.CAP);
  }

  @Test
  void aRevisionInABatchThatDoesNotPushTheKeyStillTakesTheOldItemOffIt() {
    MongoDatabase db = mongo.client().getDatabase("latest_revision");
    ArticleWriter writer = new ArticleWriter(db, List.of(), Clock.fixed(START, ZoneOffset.UTC));
    List<EnrichedArticle> articles = wire("rev", 20); // 20 refs of a:KAZ: its newest items are kept
    writer.write(articles);
    EnrichedArticle newest = articles.getLast();
    // the same article corrected alone: 1 ref of a:KAZ in this batch, below LatestItems.MIN_ADDED, so not pushed
    writer.write(List.of(Articles.article("2024/09/rev-19").title("Astana wire rev 19 (corrected)")
        .publishedAt(START.plusSeconds(60L * 19).toString()).revision(2).occurredAt("2024-09-12T09:00:00Z")
        .actor("KAZ", "Kazakhstan", "STATE", 0.9).build()));

    TimelinePage page = new TimelineQuery(db, 20_000, () -> false).page(new TimelineRequest(List.of("KAZ"), false, List.of(),
        null, null, List.of(), null, null, 10, null, false));

    assertThat(page.items().getFirst().articleId()).isEqualTo(newest.articleId());
    assertThat(page.items().getFirst().title()).isEqualTo("Astana wire rev 19 (corrected)");
  }

  @Test
  void aBatchAppliedAgainAfterACrashListsEachArticleOnce() {
    MongoDatabase db = mongo.client().getDatabase("latest_repeat");
    ArticleWriter writer = new ArticleWriter(db, List.of(), Clock.fixed(START, ZoneOffset.UTC));
    List<EnrichedArticle> articles = wire("repeat", 30);
    writer.write(articles);
    // a crash before the item documents: the batch comes again and finds its articles stored, their items missing
    db.getCollection(Collections.TIMELINE_ITEMS).deleteMany(new Document());
    writer.write(articles);

    for (String key : List.of("all", "a:KAZ")) {
      List<String> listed = db.getCollection(Collections.TIMELINE_LATEST).find(new Document("_id", key)).first()
          .getList("items", Document.class).stream().map(d -> d.getString("articleId")).toList();
      assertThat(listed).as(key).doesNotHaveDuplicates().containsExactlyElementsOf(newestIds(articles, 30));
    }
  }

  @Test
  void onlyKeysABatchPushedAreLookedUpInTheNewestItems() {
    MongoDatabase db = mongo.client().getDatabase("latest_sparse");
    ArticleWriter writer = new ArticleWriter(db, List.of(), Clock.fixed(START, ZoneOffset.UTC));
    List<EnrichedArticle> batch = new ArrayList<>(wire("busy", 20));
    List<EnrichedArticle> sparse = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      sparse.add(Articles.article("2024/09/tashkent-" + i).title("Tashkent note " + i).publishedAt(START.plusSeconds(30L + 60L * i).toString())
          .actor("UZB", "Uzbekistan", "STATE", 0.7).build());
    }
    batch.addAll(sparse);
    writer.write(batch);
    TimelineQuery query = new TimelineQuery(db, 20_000, () -> false);

    latestReads.set(0);
    TimelinePage uzbekistan = query.page(actorPage("UZB"));
    int latestForSparse = latestReads.get();
    itemReads.set(0);
    TimelinePage kazakhstan = query.page(actorPage("KAZ"));

    assertThat(uzbekistan.items()).extracting(TimelineItem::articleId).containsExactlyElementsOf(newestIds(sparse, 3));
    assertThat(latestForSparse).isZero();
    assertThat(kazakhstan.items()).extracting(TimelineItem::articleId).containsExactlyElementsOf(newestIds(batch.subList(0, 20), 20));
    assertThat(latestReads.get()).isEqualTo(1);
    assertThat(itemReads.get()).isZero();
  }

  @Test
  void aBatchOfArticlesOlderThanAFullListLeavesItUnwrittenAndTheListServesTheNewest() {
    MongoDatabase db = mongo.client().getDatabase("latest_older_batch");
    ArticleWriter writer = new ArticleWriter(db, List.of(), Clock.fixed(START, ZoneOffset.UTC));
    List<EnrichedArticle> articles = wire("late", 100);
    writer.write(articles.subList(40, 100)); // the newest 60: both lists are full
    latestUpdates.set(0);
    writer.write(articles.subList(0, 20)); // a late feed's older articles: none can enter either list
    int updatesForOlder = latestUpdates.get();

    assertThat(updatesForOlder).isZero();
    for (String key : List.of("all", "a:KAZ")) {
      assertThat(listed(db, key)).as(key).containsExactlyElementsOf(newestIds(articles, LatestItems.CAP));
    }
    itemReads.set(0);
    TimelinePage first = new TimelineQuery(db, 20_000, () -> false).page(actorPage("KAZ"));
    assertThat(first.items()).extracting(TimelineItem::articleId).containsExactlyElementsOf(newestIds(articles, 50));
    assertThat(itemReads.get()).isZero();
  }

  @Test
  void anItemThisWriterPulledMakesRoomForAnOlderOneOfTheNextBatch() {
    MongoDatabase db = mongo.client().getDatabase("latest_room");
    ArticleWriter writer = new ArticleWriter(db, List.of(), Clock.fixed(START, ZoneOffset.UTC));
    List<EnrichedArticle> articles = wire("room", 100);
    writer.write(articles.subList(40, 100)); // the list of all holds the newest 56: articles 44..99
    EnrichedArticle newest = articles.getLast();
    // the newest article corrected to an earlier time: it leaves the list, and an older article of the same batch
    // (40..43 were sliced off before, 39 is new) now belongs to the newest 56
    EnrichedArticle moved = Articles.article("2024/09/room-99").title("Astana wire room 99 (corrected)")
        .publishedAt(START.minusSeconds(3600).toString()).revision(2).occurredAt("2024-09-12T09:00:00Z")
        .actor("KAZ", "Kazakhstan", "STATE", 0.9).build();
    writer.write(List.of(moved, articles.get(39)));

    List<String> expected = new ArrayList<>(newestIds(articles.subList(0, 99), 55));
    expected.add(articles.get(39).articleId()); // 44..98 and 39: 40..43 were sliced off when the list was full
    assertThat(listed(db, "all")).containsExactlyElementsOf(expected).doesNotContain(newest.articleId());
  }

  private static List<String> listed(MongoDatabase db, String key) {
    return db.getCollection(Collections.TIMELINE_LATEST).find(new Document("_id", key)).first()
        .getList("items", Document.class).stream().map(d -> d.getString("articleId")).toList();
  }

  private static TimelineRequest actorPage(String actor) {
    return new TimelineRequest(List.of(actor), false, List.of(), null, null, List.of(), null, null, 50, null, false);
  }
}
