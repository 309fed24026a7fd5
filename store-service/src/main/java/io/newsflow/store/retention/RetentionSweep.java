package io.newsflow.store.retention;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import io.newsflow.store.mongo.Collections;
import io.newsflow.store.mongo.KeyedDocuments;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Deletes articles older than a cutoff, with their places in every read model. The cutoff is rounded
 * down to the day (UTC) so that whole day buckets (and the hour buckets of older months) go with their
 * articles and no count ever covers a deleted article. Deletes by range on indexed fields ({@code timelineAt}, {@code hour}, {@code month}, {@code day}).
 */
public final class RetentionSweep {

  private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH").withZone(ZoneOffset.UTC);

  /** How many documents of each kind went. */
  public record SweepResult(Instant cutoff, long articles, long buckets, long months, long events, long days) {}

  private final MongoCollection<Document> articles;
  private final MongoCollection<Document> items;
  private final MongoCollection<Document> buckets;
  private final MongoCollection<Document> latest;
  private final MongoCollection<Document> months;
  private final MongoCollection<Document> keys;
  private final MongoCollection<Document> events;
  private final MongoCollection<Document> days;

  public RetentionSweep(MongoDatabase db) {
    this.articles = db.getCollection(Collections.ARTICLES);
    this.items = db.getCollection(Collections.TIMELINE_ITEMS);
    this.buckets = db.getCollection(Collections.TIMELINE_BUCKETS);
    this.latest = db.getCollection(Collections.TIMELINE_LATEST);
    this.months = db.getCollection(Collections.TIMELINE_MONTHS);
    this.keys = db.getCollection(Collections.TIMELINE_KEYS);
    this.events = db.getCollection(Collections.EVENT_BUCKETS);
    this.days = db.getCollection(Collections.COOCCURRENCE_DAYS);
  }

  public SweepResult sweep(Instant olderThan) {
    Instant cutoff = olderThan.truncatedTo(ChronoUnit.DAYS);
    String cutoffHour = HOUR.format(cutoff);
    String cutoffDay = cutoffHour.substring(0, 10);
    String cutoffMonth = cutoffHour.substring(0, 7);
    // items first: an article leaves the timelines before its document goes
    items.deleteMany(Filters.lt("timelineAt", Date.from(cutoff)));
    // the newest-items lists hold copies of items (LatestItems): pages never show one whose refs went, but its bytes
    // would stay stored until pushed out, for a key that gets no newer articles forever
    latest.updateMany(Filters.empty(), Updates.pull("items", Filters.lt("t", cutoff.toEpochMilli())));
    long deletedArticles = articles.deleteMany(Filters.lt("timelineAt", Date.from(cutoff))).getDeletedCount();
    long deletedBuckets = buckets.deleteMany(Filters.lt("hour", Date.from(cutoff))).getDeletedCount();
    long deletedMonths = months.deleteMany(Filters.lt("month", cutoffMonth)).getDeletedCount();
    List<Document> partial = new ArrayList<>();
    List<WriteModel<Document>> monthWrites = new ArrayList<>();
    for (Document month : months.find(Filters.eq("month", cutoffMonth))) {
      List<Bson> unsets = new ArrayList<>();
      // counts, slots and page counts of the hours that went (see TimelineMonths)
      for (String field : List.of("all", "unique", "slots", "pc")) {
        Document counts = month.get(field, Document.class);
        if (counts == null) {
          continue;
        }
        // day labels ("2024-09-12") sort before their own hours: each is compared with the cutoff of its kind
        java.util.function.Predicate<String> gone = h -> h.compareTo(h.length() == 10 ? cutoffDay : cutoffHour) < 0;
        counts.keySet().stream().filter(gone).forEach(h -> unsets.add(Updates.unset(field + "." + h)));
        counts.keySet().removeIf(gone);
      }
      if (!unsets.isEmpty()) {
        partial.add(month);
        monthWrites.add(KeyedDocuments.update(month.getString("_id"), unsets));
      }
    }
    KeyedDocuments.write(months, monthWrites);
    recountKeys(cutoffMonth, partial);
    long deletedEvents = sweepEvents(cutoff);
    long deletedDays = days.deleteMany(Filters.lt("day", cutoffHour.substring(0, 10))).getDeletedCount();
    return new SweepResult(cutoff, deletedArticles, deletedBuckets, deletedMonths, deletedEvents, deletedDays);
  }

  private void recountKeys(String cutoffMonth, List<Document> partialMonths) {
    List<WriteModel<Document>> writes = new ArrayList<>();
    for (Document key : keys.find()) {
      Document all = key.get("monthsAll", Document.class);
      Document unique = key.get("monthsUnique", Document.class);
      Map<String, Long> changedAll = new LinkedHashMap<>();
      Map<String, Long> changedUnique = new LinkedHashMap<>();
      all.keySet().stream().filter(m -> m.compareTo(cutoffMonth) < 0).forEach(m -> changedAll.put(m, 0L));
      unique.keySet().stream().filter(m -> m.compareTo(cutoffMonth) < 0).forEach(m -> changedUnique.put(m, 0L));
      for (Document m : partialMonths) {
        if (m.getString("key").equals(key.getString("_id"))) {
          changedAll.put(cutoffMonth, sum(m.get("all", Document.class)));
          changedUnique.put(cutoffMonth, sum(m.get("unique", Document.class)));
        }
      }
      if (changedAll.isEmpty() && changedUnique.isEmpty()) {
        continue;
      }
      changedAll.forEach((m, n) -> put(all, m, n));
      changedUnique.forEach((m, n) -> put(unique, m, n));
      // field updates, not a replace: a writer may be adding to this key's current month meanwhile
      List<Bson> updates = new ArrayList<>(KeyedDocuments.counts("monthsAll", changedAll));
      updates.addAll(KeyedDocuments.counts("monthsUnique", changedUnique));
      updates.add(Updates.set("total", sum(all)));
      updates.add(Updates.set("unique", sum(unique)));
      writes.add(KeyedDocuments.update(key.getString("_id"), updates));
    }
    KeyedDocuments.write(keys, writes);
  }

  /** Events are bucketed by event date, not article date: drop the items of articles that went. */
  private long sweepEvents(Instant cutoff) {
    String cutoffText = cutoff.toString();
    long removed = 0;
    List<Document> changed = new ArrayList<>();
    List<Document> indexes = new ArrayList<>();
    List<Document> pages = new ArrayList<>();
    List<WriteModel<Document>> bucketWrites = new ArrayList<>();
    for (Document bucket : events.find()) {
      if (!bucket.containsKey("items")) {
        indexes.add(bucket);
        continue;
      }
      pages.add(bucket);
      List<Document> items = new ArrayList<>(bucket.getList("items", Document.class));
      // ISO-8601 instants in UTC compare as text in time order
      if (items.removeIf(item -> item.getString("publishedAt").compareTo(cutoffText) < 0)) {
        removed += bucket.getList("items", Document.class).size() - items.size();
        bucket.put("items", items);
        changed.add(bucket);
        bucketWrites.add(KeyedDocuments.update(bucket.getString("_id"),
            List.of(Updates.pull("items", Filters.lt("publishedAt", cutoffText)))));
      }
    }
    KeyedDocuments.write(events, bucketWrites);
    // a day leaves its key's index once none of its pages holds an event; the index keeps the slots of the others
    Map<String, Boolean> dayHasItems = new LinkedHashMap<>();
    for (Document b : pages) {
      String keyDay = b.getString("key") + "|" + b.getString("day");
      boolean has = !b.getList("items", Document.class).isEmpty();
      dayHasItems.merge(keyDay, has, Boolean::logicalOr);
    }
    List<WriteModel<Document>> indexWrites = new ArrayList<>();
    for (Document index : indexes) {
      java.util.Set<String> emptied = new java.util.TreeSet<>();
      for (Document b : changed) {
        String keyDay = b.getString("key") + "|" + b.getString("day");
        if (b.getString("key").equals(index.getString("_id")) && !dayHasItems.getOrDefault(keyDay, false)) {
          emptied.add(b.getString("day"));
        }
      }
      List<Bson> unsets = emptied.stream().map(day -> Updates.unset("days." + day)).toList();
      if (!unsets.isEmpty()) {
        indexWrites.add(KeyedDocuments.update(index.getString("_id"), unsets));
      }
    }
    KeyedDocuments.write(events, indexWrites);
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
