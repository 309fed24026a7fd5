package io.newsflow.store.timeline;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import io.newsflow.model.article.DatedEvent;
import io.newsflow.model.article.EnrichedArticle;
import io.newsflow.store.article.ArticleWriter;
import io.newsflow.store.mongo.Codecs;
import io.newsflow.store.mongo.Collections;
import io.newsflow.store.mongo.VersionedDocuments;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;

/**
 * The dated-event read model: each event an article states, denormalised with its article's title, in
 * buckets per key ({@code all}, actor, theme) and day of the event's start, plus one index document per
 * key listing its days. Like the article timeline it is rewritten from current content, so repeatable.
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
      if (c.previous() != null) {
        for (Document old : c.previous().getList("events", Document.class, List.of())) {
          DatedEvent e = Codecs.value(old, DatedEvent.class);
          for (String bucket : bucketsOf(e)) {
            removals.computeIfAbsent(bucket, k -> new HashSet<>()).add(articleId);
          }
        }
      }
      if (c.article().dedupe().isDuplicate()) {
        continue;
      }
      List<DatedEvent> events = c.article().events();
      for (int i = 0; i < events.size(); i++) {
        Document item = item(c.article(), events.get(i), i);
        for (String bucket : bucketsOf(events.get(i))) {
          removals.computeIfAbsent(bucket, k -> new HashSet<>()).add(articleId);
          additions.computeIfAbsent(bucket, k -> new ArrayList<>()).add(item);
        }
      }
    }
    if (removals.isEmpty()) {
      return;
    }
    Map<String, Document> stored = VersionedDocuments.load(buckets, removals.keySet());
    List<Document> changed = new ArrayList<>();
    Map<String, Set<String>> daysByKey = new LinkedHashMap<>();
    for (Map.Entry<String, Set<String>> entry : removals.entrySet()) {
      String id = entry.getKey();
      List<Document> added = additions.getOrDefault(id, List.of());
      Document bucket = stored.get(id);
      if (bucket == null && added.isEmpty()) {
        continue;
      }
      int split = id.lastIndexOf('|');
      if (bucket == null) {
        bucket = new Document("_id", id).append("key", id.substring(0, split)).append("day", id.substring(split + 1))
            .append("items", new ArrayList<Document>());
      }
      List<Document> items = new ArrayList<>(bucket.getList("items", Document.class));
      items.removeIf(item -> entry.getValue().contains(item.getString("articleId")));
      items.addAll(added);
      items.sort(LATEST_EVENT_FIRST);
      bucket.put("items", items);
      changed.add(bucket);
      daysByKey.computeIfAbsent(bucket.getString("key"), k -> new LinkedHashSet<>()).add(bucket.getString("day"));
    }
    VersionedDocuments.save(buckets, changed);
    updateIndexes(changed);
  }

  private void updateIndexes(List<Document> changedBuckets) {
    Map<String, List<Document>> byKey = new LinkedHashMap<>();
    changedBuckets.forEach(b -> byKey.computeIfAbsent(b.getString("key"), k -> new ArrayList<>()).add(b));
    Map<String, Document> stored = VersionedDocuments.load(buckets, byKey.keySet());
    List<Document> changed = new ArrayList<>();
    for (Map.Entry<String, List<Document>> entry : byKey.entrySet()) {
      Document index = stored.getOrDefault(entry.getKey(), new Document("_id", entry.getKey())
          .append("kind", "index").append("days", new Document()));
      Document days = index.get("days", Document.class);
      for (Document b : entry.getValue()) {
        int n = b.getList("items", Document.class).size();
        if (n == 0) {
          days.remove(b.getString("day"));
        } else {
          days.put(b.getString("day"), n);
        }
      }
      changed.add(index);
    }
    VersionedDocuments.save(buckets, changed);
  }

  static List<String> bucketsOf(DatedEvent e) {
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
