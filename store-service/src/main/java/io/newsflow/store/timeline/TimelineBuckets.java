package io.newsflow.store.timeline;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import io.newsflow.store.mongo.Collections;
import io.newsflow.store.mongo.VersionedDocuments;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;

/**
 * Maintains the timeline read model: hour buckets of article items per key, the per-month directory of
 * bucket sizes and the per-key totals. Every document is rewritten from its current content (remove the
 * article, add its new item, recount), so applying the same change twice leaves the same state and a
 * batch interrupted half-way can simply be applied again.
 */
public final class TimelineBuckets {

  /** Where an article sits: its hour and every key it is listed under. */
  public record Placement(String hour, List<String> keys) {

    public Document toDocument() {
      return new Document("hour", hour).append("keys", keys);
    }

    public static Placement fromDocument(Document d) {
      return d == null ? null : new Placement(d.getString("hour"), d.getList("keys", String.class));
    }
  }

  /**
   * One article's move on the timelines.
   *
   * @param previous  where the stored version sits, null if it was never placed
   * @param next      where the new version goes
   * @param item      the new item document (see {@code Codecs.itemDocument})
   * @param keyFields display fields per key of {@code next}
   */
  public record Change(String articleId, Placement previous, Placement next, Document item,
      Map<String, Document> keyFields) {}

  static final Comparator<Document> NEWEST_FIRST = Comparator
      .comparingLong((Document d) -> d.getLong("t")).reversed()
      .thenComparing((Document d) -> d.getString("articleId"), Comparator.reverseOrder());

  private final MongoCollection<Document> buckets;
  private final MongoCollection<Document> months;
  private final MongoCollection<Document> keys;

  public TimelineBuckets(MongoDatabase db) {
    this.buckets = db.getCollection(Collections.TIMELINE_BUCKETS);
    this.months = db.getCollection(Collections.TIMELINE_MONTHS);
    this.keys = db.getCollection(Collections.TIMELINE_KEYS);
  }

  /** Applies the changes; returns the rewritten "all" buckets, from which other summaries are derived. */
  public List<Document> apply(List<Change> changes) {
    if (changes.isEmpty()) {
      return List.of();
    }
    Map<String, Set<String>> removals = new LinkedHashMap<>();
    Map<String, List<Document>> additions = new LinkedHashMap<>();
    Map<String, Document> keyFields = new HashMap<>();
    for (Change c : changes) {
      if (c.previous() != null) {
        for (String key : c.previous().keys()) {
          removals.computeIfAbsent(TimelineKeys.bucketId(key, c.previous().hour()), k -> new HashSet<>()).add(c.articleId());
        }
      }
      for (String key : c.next().keys()) {
        String bucket = TimelineKeys.bucketId(key, c.next().hour());
        removals.computeIfAbsent(bucket, k -> new HashSet<>()).add(c.articleId());
        additions.computeIfAbsent(bucket, k -> new ArrayList<>()).add(c.item());
      }
      keyFields.putAll(c.keyFields());
    }
    List<Document> written = rewriteBuckets(removals, additions);
    rewriteKeys(rewriteMonths(written), keyFields);
    return written.stream().filter(b -> TimelineKeys.ALL.equals(b.getString("key"))).toList();
  }

  private List<Document> rewriteBuckets(Map<String, Set<String>> removals, Map<String, List<Document>> additions) {
    Map<String, Document> stored = VersionedDocuments.load(buckets, removals.keySet());
    List<Document> changed = new ArrayList<>();
    for (Map.Entry<String, Set<String>> entry : removals.entrySet()) {
      String id = entry.getKey();
      List<Document> added = additions.getOrDefault(id, List.of());
      Document bucket = stored.get(id);
      if (bucket == null) {
        if (added.isEmpty()) {
          continue;
        }
        int split = id.lastIndexOf('|');
        Instant hourStart = Instant.ofEpochMilli(added.getFirst().getLong("t")).truncatedTo(ChronoUnit.HOURS);
        bucket = new Document("_id", id).append("key", id.substring(0, split)).append("hour", Date.from(hourStart))
            .append("items", new ArrayList<Document>());
      }
      List<Document> items = new ArrayList<>(bucket.getList("items", Document.class));
      boolean removed = items.removeIf(item -> entry.getValue().contains(item.getString("articleId")));
      if (!removed && added.isEmpty()) {
        continue;
      }
      items.addAll(added);
      items.sort(NEWEST_FIRST);
      bucket.put("items", items);
      changed.add(bucket);
    }
    VersionedDocuments.save(buckets, changed);
    return changed;
  }

  private List<Document> rewriteMonths(List<Document> writtenBuckets) {
    Map<String, List<Document>> byMonth = new LinkedHashMap<>();
    for (Document b : writtenBuckets) {
      String hour = hourOf(b);
      byMonth.computeIfAbsent(TimelineKeys.monthId(b.getString("key"), TimelineKeys.monthOfHour(hour)),
          k -> new ArrayList<>()).add(b);
    }
    Map<String, Document> stored = VersionedDocuments.load(months, byMonth.keySet());
    List<Document> changed = new ArrayList<>();
    for (Map.Entry<String, List<Document>> entry : byMonth.entrySet()) {
      Document first = entry.getValue().getFirst();
      Document month = stored.getOrDefault(entry.getKey(), new Document("_id", entry.getKey())
          .append("key", first.getString("key")).append("month", TimelineKeys.monthOfHour(hourOf(first)))
          .append("all", new Document()).append("unique", new Document()));
      Document all = month.get("all", Document.class);
      Document unique = month.get("unique", Document.class);
      for (Document b : entry.getValue()) {
        List<Document> items = b.getList("items", Document.class);
        long uniqueCount = items.stream().filter(i -> !i.getBoolean("dup", false)).count();
        putCount(all, hourOf(b), items.size());
        putCount(unique, hourOf(b), uniqueCount);
      }
      changed.add(month);
    }
    VersionedDocuments.save(months, changed);
    return changed;
  }

  private void rewriteKeys(List<Document> monthDocs, Map<String, Document> keyFields) {
    Map<String, List<Document>> byKey = new LinkedHashMap<>();
    for (Document m : monthDocs) {
      byKey.computeIfAbsent(m.getString("key"), k -> new ArrayList<>()).add(m);
    }
    Map<String, Document> stored = VersionedDocuments.load(keys, byKey.keySet());
    List<Document> changed = new ArrayList<>();
    for (Map.Entry<String, List<Document>> entry : byKey.entrySet()) {
      Document key = stored.getOrDefault(entry.getKey(), new Document("_id", entry.getKey())
          .append("monthsAll", new Document()).append("monthsUnique", new Document()));
      Document fields = keyFields.get(entry.getKey());
      if (fields != null) {
        key.putAll(fields);
      }
      Document monthsAll = key.get("monthsAll", Document.class);
      Document monthsUnique = key.get("monthsUnique", Document.class);
      for (Document m : entry.getValue()) {
        putCount(monthsAll, m.getString("month"), sum(m.get("all", Document.class)));
        putCount(monthsUnique, m.getString("month"), sum(m.get("unique", Document.class)));
      }
      key.put("total", sum(monthsAll));
      key.put("unique", sum(monthsUnique));
      changed.add(key);
    }
    VersionedDocuments.save(keys, changed);
  }

  static String hourOf(Document bucket) {
    String id = bucket.getString("_id");
    return id.substring(id.lastIndexOf('|') + 1);
  }

  private static void putCount(Document counts, String field, long n) {
    if (n == 0) {
      counts.remove(field);
    } else {
      counts.put(field, n);
    }
  }

  static long sum(Document counts) {
    long total = 0;
    for (Object v : counts.values()) {
      total += ((Number) v).longValue();
    }
    return total;
  }
}
