package io.newsflow.store.timeline;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import io.newsflow.store.mongo.Collections;
import io.newsflow.store.mongo.KeyedDocuments;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Maintains the timeline read model: hour buckets of article refs per key, the per-month directory of
 * bucket sizes and the per-key totals. Buckets change by atomic {@code $pull} and {@code $addToSet} (remove the
 * article, add its new item) and counts are recomputed from the buckets' content, so applying the same
 * change twice leaves the same state and a batch interrupted half-way can simply be applied again. One
 * round trip per collection and step; every write is filtered on {@code _id} alone.
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
   * @param previous  where earlier versions may sit (the last complete one, and a newer one whose read-model
   *                  writes may have been cut short), empty for a first version
   * @param next      where the new version goes
   * @param ref       the new bucket entry (see {@code Codecs.refDocument})
   * @param keyFields display fields per key of {@code next}
   */
  public record Change(String articleId, List<Placement> previous, Placement next, Document ref,
      Map<String, Document> keyFields) {

    public Change {
      previous = List.copyOf(previous);
    }
  }

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
      for (Placement p : c.previous()) {
        for (String key : p.keys()) {
          removals.computeIfAbsent(TimelineKeys.bucketId(key, p.hour()), k -> new HashSet<>()).add(c.articleId());
        }
      }
      for (String key : c.next().keys()) {
        String bucket = TimelineKeys.bucketId(key, c.next().hour());
        if (!c.previous().isEmpty()) {
          // a new version replaces its old item even in the same bucket; a first version needs no
          // removal, as $addToSet of its (deterministic) item is already repeatable
          removals.computeIfAbsent(bucket, k -> new HashSet<>()).add(c.articleId());
        }
        additions.computeIfAbsent(bucket, k -> new ArrayList<>()).add(c.ref());
      }
      c.keyFields().forEach((key, fields) -> keyFields.merge(key, fields, TimelineBuckets::mergeFields));
    }
    List<Document> written = rewriteBuckets(removals, additions);
    rewriteKeys(rewriteMonths(written), keyFields);
    return written.stream().filter(b -> TimelineKeys.ALL.equals(b.getString("key"))).toList();
  }

  /**
   * Per bucket that held an earlier version of an article one {@code $pull} of those articles, then per
   * bucket one {@code $addToSet} of the new items; then the touched buckets are read back by {@code _id $in}
   * so the hour counts are recomputed from content. Items of a bucket are in no particular order (readers
   * sort an hour's items): {@code $addToSet} makes a replayed first version a no-op without a {@code $pull},
   * which would cost a second rewrite of every bucket in the batch.
   */
  private List<Document> rewriteBuckets(Map<String, Set<String>> removals, Map<String, List<Document>> additions) {
    List<WriteModel<Document>> writes = new ArrayList<>(removals.size() + additions.size());
    removals.forEach((id, articleIds) ->
        writes.add(KeyedDocuments.update(id, List.of(Updates.pull("items", Filters.in("articleId", articleIds))))));
    additions.forEach((id, items) -> {
      int split = id.lastIndexOf('|');
      Instant hourStart = Instant.ofEpochMilli(items.getFirst().getLong("t")).truncatedTo(ChronoUnit.HOURS);
      writes.add(KeyedDocuments.upsert(id, List.of(
          Updates.setOnInsert(new Document("key", id.substring(0, split)).append("hour", Date.from(hourStart))),
          Updates.addEachToSet("items", items))));
    });
    KeyedDocuments.write(buckets, writes);
    Set<String> touched = new LinkedHashSet<>(removals.keySet());
    touched.addAll(additions.keySet());
    return new ArrayList<>(KeyedDocuments.load(buckets, touched).values());
  }

  private List<Document> rewriteMonths(List<Document> writtenBuckets) {
    Map<String, List<Document>> byMonth = new LinkedHashMap<>();
    for (Document b : writtenBuckets) {
      String hour = hourOf(b);
      byMonth.computeIfAbsent(TimelineKeys.monthId(b.getString("key"), TimelineKeys.monthOfHour(hour)),
          k -> new ArrayList<>()).add(b);
    }
    List<WriteModel<Document>> writes = new ArrayList<>(2 * byMonth.size());
    for (Map.Entry<String, List<Document>> entry : byMonth.entrySet()) {
      Document first = entry.getValue().getFirst();
      Map<String, Long> all = new LinkedHashMap<>();
      Map<String, Long> unique = new LinkedHashMap<>();
      for (Document b : entry.getValue()) {
        List<Document> items = b.getList("items", Document.class);
        all.put(hourOf(b), (long) items.size());
        unique.put(hourOf(b), items.stream().filter(i -> !i.getBoolean("dup", false)).count());
      }
      writes.add(KeyedDocuments.ensure(entry.getKey(), new Document("key", first.getString("key"))
          .append("month", TimelineKeys.monthOfHour(hourOf(first))).append("all", new Document()).append("unique", new Document())));
      List<Bson> counts = new ArrayList<>(KeyedDocuments.counts("all", all));
      counts.addAll(KeyedDocuments.counts("unique", unique));
      writes.add(KeyedDocuments.update(entry.getKey(), counts));
    }
    KeyedDocuments.write(months, writes);
    return new ArrayList<>(KeyedDocuments.load(months, byMonth.keySet()).values());
  }

  private void rewriteKeys(List<Document> monthDocs, Map<String, Document> keyFields) {
    Map<String, List<Document>> byKey = new LinkedHashMap<>();
    for (Document m : monthDocs) {
      byKey.computeIfAbsent(m.getString("key"), k -> new ArrayList<>()).add(m);
    }
    Map<String, Document> stored = KeyedDocuments.load(keys, byKey.keySet());
    List<WriteModel<Document>> writes = new ArrayList<>(2 * byKey.size());
    for (Map.Entry<String, List<Document>> entry : byKey.entrySet()) {
      Document key = stored.getOrDefault(entry.getKey(), new Document());
      Document monthsAll = new Document(key.get("monthsAll", new Document()));
      Document monthsUnique = new Document(key.get("monthsUnique", new Document()));
      Map<String, Long> all = new LinkedHashMap<>();
      Map<String, Long> unique = new LinkedHashMap<>();
      for (Document m : entry.getValue()) {
        all.put(m.getString("month"), sum(m.get("all", Document.class)));
        unique.put(m.getString("month"), sum(m.get("unique", Document.class)));
      }
      all.forEach((m, n) -> putCount(monthsAll, m, n));
      unique.forEach((m, n) -> putCount(monthsUnique, m, n));
      writes.add(KeyedDocuments.ensure(entry.getKey(), new Document("monthsAll", new Document()).append("monthsUnique", new Document())));
      List<Bson> updates = new ArrayList<>(KeyedDocuments.counts("monthsAll", all));
      updates.addAll(KeyedDocuments.counts("monthsUnique", unique));
      // totals from the months just read plus this batch's: a concurrent writer's newer month count is
      // corrected by the next batch that touches the key
      updates.add(Updates.set("total", sum(monthsAll)));
      updates.add(Updates.set("unique", sum(monthsUnique)));
      Document fields = keyFields.get(entry.getKey());
      if (fields != null) {
        fields.forEach((name, value) -> {
          if (name.equals(TimelineKeys.ALIASES)) {
            // first seen are kept: a bounded list, set whole only when this batch brings a new one
            List<String> known = key.getList(TimelineKeys.ALIASES, String.class, List.of());
            Set<String> merged = new LinkedHashSet<>(known);
            for (Object alias : (List<?>) value) {
              if (merged.size() < TimelineKeys.MAX_ALIASES) {
                merged.add((String) alias);
              }
            }
            if (merged.size() > known.size()) {
              updates.add(Updates.set(name, List.copyOf(merged)));
            }
          } else {
            updates.add(Updates.set(name, value));
          }
        });
      }
      writes.add(KeyedDocuments.update(entry.getKey(), updates));
    }
    KeyedDocuments.write(keys, writes);
  }

  /** Display fields of one key from two articles of a batch: the later's values, both's aliases. */
  private static Document mergeFields(Document earlier, Document later) {
    Document merged = new Document(later);
    if (earlier.containsKey(TimelineKeys.ALIASES) || later.containsKey(TimelineKeys.ALIASES)) {
      Set<String> aliases = new LinkedHashSet<>(earlier.getList(TimelineKeys.ALIASES, String.class, List.of()));
      aliases.addAll(later.getList(TimelineKeys.ALIASES, String.class, List.of()));
      merged.put(TimelineKeys.ALIASES, List.copyOf(aliases));
    }
    return merged;
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
