package io.newsflow.store.timeline;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import io.newsflow.model.article.DatedEvent;
import io.newsflow.model.article.EnrichedArticle;
import io.newsflow.store.article.ArticleWriter;
import io.newsflow.store.mongo.Codecs;
import io.newsflow.store.mongo.Collections;
import io.newsflow.store.mongo.KeyedDocuments;
import io.newsflow.store.mongo.Pages;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The dated-event read model: each event an article states, denormalised with its article's title, in
 * buckets per key ({@code all}, actor, theme) and day of the event's start, in pages of at most
 * {@value #PAGE_CAP} events (see {@link Pages}), plus one index document per key listing its days and their
 * slots. Like the article timeline it changes by {@code $pull} (of earlier versions) and {@code $addToSet}
 * (of deterministic items), so repeatable; items are in no particular order in a page and readers sort a
 * day's items.
 * Events of duplicates are left out, as duplicates are left off timelines.
 */
public final class EventTimeline implements ArticleWriter.ReadModel {

  /** Events per bucket page: ~0.6 KB each (sentence and title), so a page stays under ~100 KB. */
  public static final int PAGE_CAP = 150;

  static final Comparator<Document> LATEST_EVENT_FIRST = Comparator
      .comparingLong((Document d) -> d.getLong("day")).reversed()
      .thenComparing((Document d) -> d.getString("eventId"), Comparator.reverseOrder());

  private final MongoCollection<Document> buckets;

  public EventTimeline(MongoDatabase db) {
    this.buckets = db.getCollection(Collections.EVENT_BUCKETS);
  }

  static String bucketId(String key, String day) {
    return key + "|" + day;
  }

  static String indexId(String key) {
    return key;
  }

  @Override
  public void apply(List<ArticleWriter.StoredChange> changes, TimelineBuckets.Applied timeline) {
    Map<String, Set<String>> removals = new LinkedHashMap<>();
    Map<String, List<Document>> additions = new LinkedHashMap<>();
    for (ArticleWriter.StoredChange c : changes) {
      String articleId = c.article().articleId();
      c.previous().forEach(p -> p.eventBuckets().forEach(bucket ->
          removals.computeIfAbsent(bucket, k -> new HashSet<>()).add(articleId)));
      if (c.article().dedupe().isDuplicate()) {
        continue;
      }
      List<DatedEvent> events = c.article().events();
      for (int i = 0; i < events.size(); i++) {
        Document item = item(c.article(), events.get(i), i);
        for (String bucket : bucketsOf(events.get(i))) {
          additions.computeIfAbsent(bucket, k -> new ArrayList<>()).add(item);
        }
      }
    }
    if (removals.isEmpty() && additions.isEmpty()) {
      return;
    }
    Set<String> keys = new LinkedHashSet<>();
    removals.keySet().forEach(b -> keys.add(keyOf(b)));
    additions.keySet().forEach(b -> keys.add(keyOf(b)));
    Map<String, Document> indexes = KeyedDocuments.load(buckets, keys);
    Pages.Allocator slots = new Pages.Allocator(PAGE_CAP, bucket -> storedSlots(indexes.get(keyOf(bucket)), dayOf(bucket)));
    List<WriteModel<Document>> writes = new ArrayList<>(removals.size() + additions.size());
    // an earlier version's items may be on any page of its day: pages are not recorded per event
    removals.forEach((bucket, articleIds) -> Pages.ids(bucket, slots.slots(bucket), PAGE_CAP).forEach(page ->
        writes.add(KeyedDocuments.update(page, List.of(Updates.pull("items", Filters.in("articleId", articleIds)))))));
    Map<String, Document> pages = new LinkedHashMap<>();
    additions.forEach((bucket, items) -> items.forEach(item -> {
      int page = slots.take(bucket);
      pages.computeIfAbsent(Pages.id(bucket, page), id -> new Document("key", keyOf(bucket)).append("day", dayOf(bucket))
          .append("page", page).append("items", new ArrayList<Document>())).getList("items", Document.class).add(item);
    }));
    pages.forEach((id, page) -> writes.add(KeyedDocuments.upsert(id, List.of(
        Updates.setOnInsert(new Document("key", page.get("key")).append("day", page.get("day")).append("page", page.get("page"))),
        Updates.addEachToSet("items", page.getList("items", Document.class))))));
    KeyedDocuments.write(buckets, writes);
    updateIndexes(slots.taken());
  }

  /**
   * Each key's index document lists the days that have a bucket, with the slots handed out in that day's
   * pages (raised with {@code $max}; the reader derives the page ids from it). A day emptied by a new version
   * stays listed and reads as an empty bucket; the retention sweep removes days whose buckets it empties.
   */
  private void updateIndexes(Map<String, Long> slotsByBucket) {
    Map<String, List<Bson>> byKey = new LinkedHashMap<>();
    slotsByBucket.forEach((bucket, n) ->
        byKey.computeIfAbsent(keyOf(bucket), k -> new ArrayList<>()).add(Updates.max("days." + dayOf(bucket), n)));
    List<WriteModel<Document>> writes = new ArrayList<>(byKey.size());
    byKey.forEach((key, updates) -> {
      // an upsert with days.<day> creates the days object itself: no separate skeleton write
      List<Bson> all = new ArrayList<>(updates);
      all.add(Updates.setOnInsert("kind", "index"));
      writes.add(KeyedDocuments.upsert(indexId(key), all));
    });
    KeyedDocuments.write(buckets, writes);
  }

  /** Slots of a day's pages; an index written before paging says 1 for a day, and its one page is page 0. */
  static long storedSlots(Document index, String day) {
    Document days = index == null ? null : index.get("days", Document.class);
    Number n = days == null ? null : days.get(day, Number.class);
    return n == null ? 0 : n.longValue();
  }

  static String keyOf(String bucket) {
    return bucket.substring(0, bucket.lastIndexOf('|'));
  }

  static String dayOf(String bucket) {
    return bucket.substring(bucket.lastIndexOf('|') + 1);
  }

  public static List<String> bucketsOf(DatedEvent e) {
    // day buckets: a month of "all" events grows with the corpus, a day stays small
    String day = e.start().toString();
    List<String> ids = new ArrayList<>();
    ids.add(bucketId(TimelineKeys.ALL, day));
    e.actors().stream().distinct().forEach(a -> ids.add(bucketId(TimelineKeys.actor(a), day)));
    e.themes().stream().distinct().forEach(t -> ids.add(bucketId(TimelineKeys.theme(t), day)));
    return ids;
  }

  private static Document item(EnrichedArticle a, DatedEvent e, int index) {
    return new Document("eventId", a.articleId() + ":" + index)
        .append("day", e.start().toEpochDay())
        .append("start", e.start().toString()).append("end", e.end().toString())
        .append("precision", e.precision().name()).append("expression", e.expression()).append("sentence", e.sentence())
        .append("actors", e.actors()).append("themes", e.themes())
        .append("articleId", a.articleId()).append("articleTitle", a.article().title())
        .append("publishedAt", Codecs.timelineTime(a).toString());
  }
}
