package io.newsflow.store.retention;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.newsflow.store.mongo.Collections;
import io.newsflow.store.mongo.VersionedDocuments;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;

/**
 * Deletes articles older than a cutoff, with their places in every read model. The cutoff is rounded
 * down to the hour so that whole hour buckets go with their articles and no count ever covers a deleted
 * article. Deletes by range on indexed fields ({@code timelineAt}, {@code hour}, {@code month}, {@code day}).
 */
public final class RetentionSweep {

  private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH").withZone(ZoneOffset.UTC);

  /** How many documents of each kind went. */
  public record SweepResult(Instant cutoff, long articles, long buckets, long months, long events, long days) {}

  private final MongoCollection<Document> articles;
  private final MongoCollection<Document> buckets;
  private final MongoCollection<Document> months;
  private final MongoCollection<Document> keys;
  private final MongoCollection<Document> events;
  private final MongoCollection<Document> days;

  public RetentionSweep(MongoDatabase db) {
    this.articles = db.getCollection(Collections.ARTICLES);
    this.buckets = db.getCollection(Collections.TIMELINE_BUCKETS);
    this.months = db.getCollection(Collections.TIMELINE_MONTHS);
    this.keys = db.getCollection(Collections.TIMELINE_KEYS);
    this.events = db.getCollection(Collections.EVENT_BUCKETS);
    this.days = db.getCollection(Collections.COOCCURRENCE_DAYS);
  }

  public SweepResult sweep(Instant olderThan) {
    Instant cutoff = olderThan.truncatedTo(ChronoUnit.HOURS);
    String cutoffHour = HOUR.format(cutoff);
    String cutoffMonth = cutoffHour.substring(0, 7);
    long deletedArticles = articles.deleteMany(Filters.lt("timelineAt", Date.from(cutoff))).getDeletedCount();
    long deletedBuckets = buckets.deleteMany(Filters.lt("hour", Date.from(cutoff))).getDeletedCount();
    long deletedMonths = months.deleteMany(Filters.lt("month", cutoffMonth)).getDeletedCount();
    List<Document> partial = new ArrayList<>();
    for (Document month : months.find(Filters.eq("month", cutoffMonth))) {
      boolean changed = month.get("all", Document.class).keySet().removeIf(h -> h.compareTo(cutoffHour) < 0);
      changed |= month.get("unique", Document.class).keySet().removeIf(h -> h.compareTo(cutoffHour) < 0);
      if (changed) {
        partial.add(month);
      }
    }
    VersionedDocuments.save(months, partial);
    recountKeys(cutoffMonth, partial);
    long deletedEvents = sweepEvents(cutoff);
    long deletedDays = days.deleteMany(Filters.lt("day", cutoffHour.substring(0, 10))).getDeletedCount();
    return new SweepResult(cutoff, deletedArticles, deletedBuckets, deletedMonths, deletedEvents, deletedDays);
  }

  private void recountKeys(String cutoffMonth, List<Document> partialMonths) {
    List<Document> changed = new ArrayList<>();
    for (Document key : keys.find()) {
      Document all = key.get("monthsAll", Document.class);
      Document unique = key.get("monthsUnique", Document.class);
      boolean dirty = all.keySet().removeIf(m -> m.compareTo(cutoffMonth) < 0);
      dirty |= unique.keySet().removeIf(m -> m.compareTo(cutoffMonth) < 0);
      for (Document m : partialMonths) {
        if (m.getString("key").equals(key.getString("_id"))) {
          put(all, cutoffMonth, sum(m.get("all", Document.class)));
          put(unique, cutoffMonth, sum(m.get("unique", Document.class)));
          dirty = true;
        }
      }
      if (dirty) {
        key.put("total", sum(all));
        key.put("unique", sum(unique));
        changed.add(key);
      }
    }
    VersionedDocuments.save(keys, changed);
  }

  /** Events are bucketed by event date, not article date: drop the items of articles that went. */
  private long sweepEvents(Instant cutoff) {
    String cutoffText = cutoff.toString();
    long removed = 0;
    List<Document> changed = new ArrayList<>();
    List<Document> indexes = new ArrayList<>();
    for (Document bucket : events.find()) {
      if (!bucket.containsKey("items")) {
        indexes.add(bucket);
        continue;
      }
      List<Document> items = new ArrayList<>(bucket.getList("items", Document.class));
      // ISO-8601 instants in UTC compare as text in time order
      if (items.removeIf(item -> item.getString("publishedAt").compareTo(cutoffText) < 0)) {
        removed += bucket.getList("items", Document.class).size() - items.size();
        bucket.put("items", items);
        changed.add(bucket);
      }
    }
    VersionedDocuments.save(events, changed);
    List<Document> changedIndexes = new ArrayList<>();
    for (Document index : indexes) {
      Document daysOfKey = index.get("days", Document.class);
      boolean dirty = false;
      for (Document b : changed) {
        if (b.getString("key").equals(index.getString("_id"))) {
          put(daysOfKey, b.getString("day"), b.getList("items", Document.class).size());
          dirty = true;
        }
      }
      if (dirty) {
        changedIndexes.add(index);
      }
    }
    VersionedDocuments.save(events, changedIndexes);
    return removed;
  }

  private static void put(Document counts, String field, long n) {
    if (n == 0) {
      counts.remove(field);
    } else {
      counts.put(field, n);
    }
  }

  private static long sum(Document counts) {
    long total = 0;
    for (Object v : counts.values()) {
      total += ((Number) v).longValue();
    }
    return total;
  }
}
