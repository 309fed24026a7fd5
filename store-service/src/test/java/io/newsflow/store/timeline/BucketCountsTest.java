package io.newsflow.store.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import io.newsflow.model.article.EnrichedArticle;
import io.newsflow.store.Articles;
import io.newsflow.store.article.ArticleWriter;
import io.newsflow.store.config.StoreConfig;
import io.newsflow.store.mongo.Collections;
import io.newsflow.store.mongo.ConcurrentUpdateException;
import io.newsflow.store.mongo.InMemoryMongo;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The timeline's counts when pages are not read back: a batch of first versions adds refs with {@code $push}
 * and counts them with {@code $inc}, so the month counts must still equal the refs in the pages after
 * revisions, replays, a lost article document, two store instances writing at once, and in months written
 * with hour buckets before day buckets existed.
 */
class BucketCountsTest {

  static final Instant START = Instant.parse("2024-09-01T00:00:00Z");

  static final List<BsonDocument> commands = new CopyOnWriteArrayList<>();

  @RegisterExtension
  static final InMemoryMongo mongo = new InMemoryMongo(event -> commands.add(event.getCommand().clone()));

  static ArticleWriter writer(MongoDatabase db) {
    return StoreConfig.writerWithReadModels(db, Clock.fixed(START, ZoneOffset.UTC));
  }

  /** Articles every 23 minutes from {@code first}, over several feeds, languages and actors (sparse keys). */
  static List<EnrichedArticle> batch(int first, int count, int revision) {
    List<EnrichedArticle> out = new ArrayList<>();
    for (int i = first; i < first + count; i++) {
      Instant published = START.plus(Duration.ofMinutes(23L * i));
      Articles a = Articles.article("steppe-" + i).title("Caspian transit talks, round " + i).publishedAt(published.toString())
          .occurredAt(published.plusSeconds(60 + revision).toString()).revision(revision)
          .feed("f-feed-" + (i % 7)).language(i % 5 == 0 ? "ru" : "en")
          .actor("KAZ", "Kazakhstan", "STATE", 0.9).actor(i % 3 == 0 ? "AZE" : "TKM", i % 3 == 0 ? "Azerbaijan" : "Turkmenistan", "STATE", 0.5)
          .theme(i % 2 == 0 ? "energy-transit" : "trade", i % 2 == 0 ? "Energy transit" : "Trade", 2.0, "pipeline");
      if (i % 11 == 0 && i > 0) {
        a.duplicateOf(Articles.article("steppe-" + (i - 1)).id());
      }
      out.add(a.build());
    }
    return out;
  }

  /** Per key-label, the refs in its pages (each article once) must equal the month's all and unique counts. */
  static void assertCountsMatchPages(MongoDatabase db) {
    Map<String, long[]> refs = new HashMap<>();
    for (Document page : db.getCollection(Collections.TIMELINE_BUCKETS).find()) {
      String base = page.getString("key") + "|" + page.getString("label");
      List<Document> items = page.getList("items", Document.class);
      assertThat(items.stream().map(i -> i.getString("articleId")).distinct().count()).as(page.getString("_id")).isEqualTo(items.size());
      long[] n = refs.computeIfAbsent(base, k -> new long[2]);
      n[0] += items.size();
      n[1] += items.stream().filter(i -> !i.getBoolean("dup", false)).count();
    }
    Map<String, long[]> counted = new HashMap<>();
    for (Document month : db.getCollection(Collections.TIMELINE_MONTHS).find()) {
      for (String field : List.of("all", "unique")) {
        month.get(field, Document.class).forEach((label, n) ->
            counted.computeIfAbsent(month.getString("key") + "|" + label, k -> new long[2])[field.equals("all") ? 0 : 1] =
                ((Number) n).longValue());
      }
    }
    refs.values().removeIf(n -> n[0] == 0);
    assertThat(counted.keySet()).containsExactlyInAnyOrderElementsOf(refs.keySet());
    refs.forEach((base, n) -> assertThat(counted.get(base)).as(base).containsExactly(n));
  }

  @Test
  void aBatchOfFirstVersionsPushesAndReadsBackOnlyTheAllPages() {
    MongoDatabase db = mongo.client().getDatabase("counts_first");
    ArticleWriter writer = writer(db);
    writer.write(batch(0, 40, 1));
    commands.clear();
    writer.write(batch(40, 80, 1));

    List<String> readBack = new ArrayList<>();
    List<String> operators = new ArrayList<>();
    for (BsonDocument c : commands) {
      if (c.containsKey("find") && c.getString("find").getValue().equals(Collections.TIMELINE_BUCKETS)) {
        c.getDocument("filter").getDocument("_id").getArray("$in").forEach(v -> readBack.add(v.asString().getValue()));
      }
      if (c.containsKey("update") && c.getString("update").getValue().equals(Collections.TIMELINE_BUCKETS)) {
        c.getArray("updates").forEach((BsonValue u) -> {
          String id = u.asDocument().getDocument("q").getString("_id").getValue();
          if (!id.startsWith("all|")) {
            operators.addAll(u.asDocument().getDocument("u").keySet());
          }
        });
      }
    }
    assertThat(readBack).isNotEmpty().allMatch(id -> id.startsWith("all|"));
    assertThat(operators).contains("$push").doesNotContain("$addToSet", "$pull");
    assertCountsMatchPages(db);
    assertThat(new Aggregates(db).actor("KAZ").orElseThrow().articleCount()).isEqualTo(120 - 10);
  }

  @Test
  void countsMatchThePagesAfterRevisionsReplaysAndALostArticleDocument() {
    MongoDatabase db = mongo.client().getDatabase("counts_revisions");
    ArticleWriter writer = writer(db);
    writer.write(batch(0, 60, 1));
    writer.write(batch(20, 60, 2));
    writer.write(batch(20, 60, 2));
    // an article whose document is gone but whose item and refs are not comes again as a first version
    db.getCollection(Collections.ARTICLES).deleteMany(new Document("_id", new Document("$in",
        batch(70, 5, 2).stream().map(EnrichedArticle::articleId).toList())));
    writer.write(batch(70, 10, 2));

    assertCountsMatchPages(db);
    assertThat(new Aggregates(db).actor("KAZ").orElseThrow().articleCount()).isEqualTo(80 - 7);
  }

  @Test
  void twoStoreInstancesWritingAtOnceKeepCountsRight() throws Exception {
    MongoDatabase db = mongo.client().getDatabase("counts_two_writers");
    ArticleWriter a = writer(db);
    ArticleWriter b = writer(db);
    // each article id is one partition's, so two instances write other articles of the same keys and days at once
    List<EnrichedArticle> even = new ArrayList<>();
    List<EnrichedArticle> odd = new ArrayList<>();
    List<EnrichedArticle> all = batch(0, 200, 1);
    for (int i = 0; i < all.size(); i++) {
      (i % 2 == 0 ? even : odd).add(all.get(i));
    }
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int i = 0; i < 100; i += 20) {
        List<EnrichedArticle> mine = even.subList(i, i + 20);
        List<EnrichedArticle> theirs = odd.subList(i, i + 20);
        done.add(pool.submit(() -> retry(a, mine)));
        done.add(pool.submit(() -> retry(b, theirs)));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    assertCountsMatchPages(db);
    // after a rebalance the new owner replays what the old one wrote: nothing is counted twice
    b.write(batch(0, 120, 1));
    a.write(batch(100, 100, 1));
    assertCountsMatchPages(db);
    assertThat(new Aggregates(db).actor("KAZ").orElseThrow().articleCount()).isEqualTo(200 - 18);
  }

  @Test
  void twoStoreInstancesWritingTheSameArticlesAtOnceListEachOnce() throws Exception {
    MongoDatabase db = mongo.client().getDatabase("counts_same_articles");
    ArticleWriter a = writer(db);
    ArticleWriter b = writer(db);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int from = 0; from < 120; from += 30) {
        List<EnrichedArticle> overlap = batch(from, 30, 1);
        // a consumer fenced off by a rebalance still finishing the batch its successor is writing
        done.add(pool.submit(() -> retry(a, overlap)));
        done.add(pool.submit(() -> retry(b, overlap)));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    List<String> listed = new ArrayList<>();
    TimelineQuery query = new TimelineQuery(db, 20_000, () -> false);
    String cursor = null;
    do {
      TimelinePage page = query.page(new TimelineRequest(List.of("KAZ"), false, List.of(), null, null, List.of(), null, null, 25,
          cursor == null ? null : TimelineCursor.decode(cursor), true));
      page.items().forEach(item -> listed.add(item.articleId()));
      cursor = page.nextCursor();
    } while (cursor != null);
    assertThat(listed).containsExactlyElementsOf(batch(0, 120, 1).reversed().stream().map(EnrichedArticle::articleId).toList());
  }

  private static void retry(ArticleWriter writer, List<EnrichedArticle> batch) {
    for (int attempt = 0; ; attempt++) {
      try {
        writer.write(batch);
        return;
      } catch (ConcurrentUpdateException e) {
        // what the service's error classifier retries: a race with the other instance, applied again
        if (attempt > 20) {
          throw e;
        }
      }
    }
  }

  @Test
  void aMonthWrittenWithHourBucketsKeepsThemAndTheTimelineRunsAcrossBothLayouts() {
    MongoDatabase db = mongo.client().getDatabase("counts_layouts");
    // August as the store wrote it before day buckets: a month document of "all" without a layout
    db.getCollection(Collections.TIMELINE_MONTHS).insertOne(new Document("_id", "all|2024-08").append("key", "all")
        .append("month", "2024-08").append("all", new Document()).append("unique", new Document()));
    ArticleWriter writer = writer(db);
    List<EnrichedArticle> articles = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      // from 2024-08-31T12:00 every 47 minutes: half in August, half in September
      Instant t = Instant.parse("2024-08-31T12:00:00Z").plus(Duration.ofMinutes(47L * i));
      articles.add(Articles.article("border-" + i).title("Border crossing " + i).publishedAt(t.toString())
          .occurredAt(t.plusSeconds(30).toString()).actor("KAZ", "Kazakhstan", "STATE", 0.9).build());
    }
    writer.write(articles.subList(0, 25));
    writer.write(articles.subList(25, 40));

    List<String> labels = db.getCollection(Collections.TIMELINE_BUCKETS).find(new Document("key", "a:KAZ"))
        .map(d -> d.getString("label")).into(new ArrayList<>());
    assertThat(labels).filteredOn(l -> l.startsWith("2024-08")).isNotEmpty().allMatch(l -> l.length() == 13);
    assertThat(labels).filteredOn(l -> l.startsWith("2024-09")).containsExactly("2024-09-01");
    assertCountsMatchPages(db);

    TimelineQuery query = new TimelineQuery(db, 20_000, () -> false);
    List<String> seen = new ArrayList<>();
    String cursor = null;
    do {
      TimelinePage page = query.page(new TimelineRequest(List.of("KAZ"), false, List.of(), null, null, List.of(), null, null, 7,
          cursor == null ? null : TimelineCursor.decode(cursor), false));
      page.items().forEach(item -> seen.add(item.articleId()));
      cursor = page.nextCursor();
    } while (cursor != null);
    assertThat(seen).containsExactlyElementsOf(articles.reversed().stream().map(EnrichedArticle::articleId).toList());
    // a window inside one day of day buckets, and one across the month boundary
    assertThat(query.page(new TimelineRequest(List.of("KAZ"), false, List.of(), null, null, List.of(),
        Instant.parse("2024-09-01T03:00:00Z"), Instant.parse("2024-09-01T05:00:00Z"), 50, null, false)).items())
        .allMatch(item -> !item.publishedAt().isBefore(Instant.parse("2024-09-01T03:00:00Z"))
            && item.publishedAt().isBefore(Instant.parse("2024-09-01T05:00:00Z"))).hasSize(2);
  }
}
