package io.newsflow.store.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoSocketException;
import com.mongodb.client.MongoDatabase;
import io.newsflow.model.article.EnrichedArticle;
import io.newsflow.store.Articles;
import io.newsflow.store.article.ArticleWriter;
import io.newsflow.store.mongo.Collections;
import io.newsflow.store.mongo.CutShortWrites;
import io.newsflow.store.mongo.InMemoryMongo;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.bson.Document;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A batch cut short at any of its writes and then applied again, the way Kafka redelivers it after a crash (here in
 * reverse order, as a redelivery may differ): every article is on each of its timelines and event buckets once,
 * across all pages, and the counts are those of the pages. The batch takes the busiest key-labels past a page
 * ({@link TimelineBuckets#PAGE_CAP} refs, {@link EventTimeline#PAGE_CAP} event refs), mixes revisions with first
 * versions, and is cut before and in the middle of each of its bulk writes. Bucket pages take refs with a plain
 * {@code $push} (no {@code $addToSet}): this is what proves that a ref is never pushed to a page that may hold it.
 */
class CutShortBatchTest {

  static final Instant DAY = Instant.parse("2024-09-12T00:00:00Z");
  static final AtomicInteger databases = new AtomicInteger();

  @RegisterExtension
  static final InMemoryMongo mongo = new InMemoryMongo();

  /** Articles every 4.5 minutes of one day, each naming Kazakhstan and stating two events of 10 September. */
  static List<EnrichedArticle> articles(int first, int count, int revision) {
    List<EnrichedArticle> out = new ArrayList<>();
    for (int i = first; i < first + count; i++) {
      Instant published = DAY.plus(Duration.ofSeconds(270L * i));
      String other = revision > 1 ? "CHN" : i % 3 == 0 ? "AZE" : "TKM";
      String theme = i % 2 == 0 ? "energy-transit" : "trade";
      out.add(Articles.article("corridor-" + i).title("Middle Corridor cargo, report " + i + (revision > 1 ? " (corrected)" : ""))
          .publishedAt(published.toString()).occurredAt(published.plusSeconds(90L * revision).toString()).revision(revision)
          .feed("f-caspian-" + (i % 5)).actor("KAZ", "Kazakhstan", "STATE", 0.9).actor(other, other, "STATE", 0.5)
          .theme(theme, theme, 2.0, "cargo")
          .event("2024-09-10", "Aktau port handled a record " + i + " containers on September 10.", List.of("KAZ"), List.of(theme))
          .event("2024-09-10", "The ferry line to Baku added a sailing on September 10.", List.of("KAZ", other), List.of("trade"))
          .build());
    }
    return out;
  }

  static ArticleWriter writer(MongoDatabase db) {
    return BucketCountsTest.writer(db);
  }

  /** The batch that is cut: 20 revisions of stored articles and 100 first versions, crossing a page of every busy key. */
  static List<EnrichedArticle> cutBatch() {
    List<EnrichedArticle> batch = new ArrayList<>(articles(180, 20, 2));
    batch.addAll(articles(200, 100, 1));
    return batch;
  }

  static MongoDatabase freshStore() {
    MongoDatabase db = mongo.client().getDatabase("cut_" + databases.incrementAndGet());
    writer(db).write(articles(0, 200, 1));
    return db;
  }

  @TestFactory
  Stream<DynamicTest> aBatchCutShortAtAnyWriteAndAppliedAgainListsEveryArticleOnceWithCountsOfItsPages() {
    CutShortWrites dryRun = CutShortWrites.after(-1);
    writer(dryRun.wrap(freshStore())).write(cutBatch());
    List<Integer> cuts = new ArrayList<>();
    List<String> where = new ArrayList<>();
    int offset = 0;
    for (String bulk : dryRun.bulks()) {
      int size = Integer.parseInt(bulk.substring(bulk.indexOf(':') + 1));
      cuts.add(offset);
      where.add("before " + bulk);
      if (size > 1) {
        cuts.add(offset + size / 2);
        where.add("in the middle of " + bulk);
      }
      offset += size;
    }
    assertThat(dryRun.bulks()).as("the batch writes buckets, months and event pages").anyMatch(b -> b.startsWith(Collections.TIMELINE_MONTHS))
        .anyMatch(b -> b.startsWith(Collections.EVENT_BUCKETS));
    return IntStream.range(0, cuts.size()).mapToObj(n -> DynamicTest.dynamicTest(
        "cut after " + cuts.get(n) + " writes, " + where.get(n), () -> {
          try {
            cutAndReplay(cuts.get(n));
          } catch (AssertionError e) {
            throw new AssertionError("cut after " + cuts.get(n) + " writes, " + where.get(n) + ": " + e.getMessage(), e);
          }
        }));
  }

  static void cutAndReplay(int budget) {
    MongoDatabase db = freshStore();
    assertThatThrownBy(() -> writer(CutShortWrites.after(budget).wrap(db)).write(cutBatch())).isInstanceOf(MongoSocketException.class);
    writer(db).write(cutBatch().reversed());

    assertEachArticleOncePerKeyLabel(db);
    BucketCountsTest.assertCountsMatchPages(db);
    assertEachEventOncePerBucket(db);
    assertThat(new Aggregates(db).actor("KAZ").orElseThrow().articleCount()).isEqualTo(300);
    assertThat(new Aggregates(db).actor("CHN").orElseThrow().articleCount()).isEqualTo(20);
    assertThat(writer(db).write(cutBatch()).replays()).isEqualTo(120);
  }

  /** Over all pages of a key-label, each article at most once (a page alone is checked by the counts). */
  static void assertEachArticleOncePerKeyLabel(MongoDatabase db) {
    Map<String, List<String>> byBase = new HashMap<>();
    for (Document page : db.getCollection(Collections.TIMELINE_BUCKETS).find()) {
      byBase.computeIfAbsent(page.getString("key") + "|" + page.getString("label"), k -> new ArrayList<>())
          .addAll(page.getList("items", Document.class).stream().map(i -> i.getString("articleId")).toList());
    }
    assertThat(byBase).containsKey("all|2024-09-12");
    assertThat(byBase.get("all|2024-09-12")).hasSize(300);
    byBase.forEach((base, ids) -> assertThat(ids).as(base).doesNotHaveDuplicates());
  }

  /** Over all pages of an event bucket, each event at most once; the bucket of all with 10 September holds every event. */
  static void assertEachEventOncePerBucket(MongoDatabase db) {
    Map<String, List<String>> byBucket = new HashMap<>();
    for (Document page : db.getCollection(Collections.EVENT_BUCKETS).find(new Document("kind", new Document("$ne", "index")))) {
      byBucket.computeIfAbsent(page.getString("key") + "|" + page.getString("day"), k -> new ArrayList<>())
          .addAll(page.getList("items", Document.class).stream().map(i -> i.getString("eventId")).toList());
    }
    assertThat(byBucket.get("all|" + EventTimeline.label(LocalDate.parse("2024-09-10"), LocalDate.parse("2024-09-12")))).hasSize(600);
    byBucket.forEach((bucket, ids) -> assertThat(ids).as(bucket).doesNotHaveDuplicates());
  }
}
