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
import java.util.ArrayList;
import java.util.Collection;
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
 * buckets per key ({@code all}, actor, theme) and day of the event's start, plus one index document per
 * key listing its days. Like the article timeline it changes by {@code $pull} (of earlier versions) and
 * {@code $addToSet} (of deterministic items), so repeatable; items are in no particular order in a bucket
 * and readers sort a day's items.
 * Events of duplicates are left out, as duplicates are left off timelines.
 */
public final class EventTimeline implements ArticleWriter.ReadModel {

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
  public void apply(List<ArticleWriter.StoredChange> changes, List<Document> allBuckets) {
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
          if (!c.previous().isEmpty()) {
            // a new version replaces its old items; a first version's $addToSet is repeatable without a $pull
            removals.computeIfAbsent(bucket, k -> new HashSet<>()).add(articleId);
          }
          additions.computeIfAbsent(bucket, k -> new ArrayList<>()).add(item);
        }
      }
    }
    if (removals.isEmpty() && additions.isEmpty()) {
      return;
    }
    List<WriteModel<Document>> writes = new ArrayList<>(removals.size() + additions.size());
    removals.forEach((id, articleIds) ->
        writes.add(KeyedDocuments.update(id, List.of(Updates.pull("items", Filters.in("articleId", articleIds))))));
    additions.forEach((id, items) -> {
      int split = id.lastIndexOf('|');
      writes.add(KeyedDocuments.upsert(id, List.of(
          Updates.setOnInsert(new Document("key", id.substring(0, split)).append("day", id.substring(split + 1))),
          Updates.addEachToSet("items", items))));
    });
    KeyedDocuments.write(buckets, writes);
    updateIndexes(additions.keySet());
  }

  /**
   * Each key's index document lists the days that have a bucket (the value is not a count: readers only
   * need the days, so no bucket is read back). A day emptied by a new version stays listed and reads as an
   * empty bucket; the retention sweep removes days whose buckets it empties.
   */
  private void updateIndexes(Collection<String> addedBuckets) {
    Map<String, Map<String, Long>> byKey = new LinkedHashMap<>();
    for (String id : addedBuckets) {
      int split = id.lastIndexOf('|');
      byKey.computeIfAbsent(id.substring(0, split), k -> new LinkedHashMap<>()).put(id.substring(split + 1), 1L);
    }
    List<WriteModel<Document>> writes = new ArrayList<>(byKey.size());
    byKey.forEach((key, days) -> {
      // an upsert with days.<day> creates the days object itself: no separate skeleton write
      List<Bson> updates = new ArrayList<>(KeyedDocuments.counts("days", days));
      updates.add(Updates.setOnInsert("kind", "index"));
      writes.add(KeyedDocuments.upsert(indexId(key), updates));
    });
    KeyedDocuments.write(buckets, writes);
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
