package io.newsflow.store.timeline;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import io.newsflow.store.mongo.KeyedDocuments;
import io.newsflow.store.mongo.Pages;
import io.newsflow.store.timeline.TimelineBuckets.PageRef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The month documents' part of a batch (see {@link TimelineMonths}): per touched key-label its counts, set
 * from the pages read back for a recounted key-label, raised with {@code $inc} by the refs added for any
 * other; slots handed out are raised with {@code $max}. {@code $inc} is right there because each of those
 * refs is a first version added once (see {@code TimelineBuckets.rewritePages}), and it adds up with a
 * second store instance's increments where a value set from a read would overwrite them.
 */
final class MonthWrites {

  private final MongoCollection<Document> months;
  private final int cap;

  MonthWrites(MongoCollection<Document> months, int cap) {
    this.months = months;
    this.cap = cap;
  }

  /**
   * Before any bucket page of the batch is written: raises the stored slots of every key-label to which the batch adds
   * a page beyond those its month lists (creating the month if missing). A page is found by the directory alone
   * (writers pulling an article from "every page of the hour", readers), so a batch cut short between its pages and
   * {@link #write} would otherwise leave refs on a page that no replay pulls from, and push them again elsewhere.
   * Slots raised for pages a cut-short batch never wrote are harmless: a missing page reads as empty.
   */
  void reserve(Map<String, Document> directory, Pages.Allocator slots) {
    Map<String, List<Bson>> updates = new LinkedHashMap<>();
    slots.taken().forEach((base, n) -> {
      String label = labelOf(base);
      String key = base.substring(0, base.lastIndexOf('|'));
      String month = TimelineKeys.monthOfHour(label);
      long stored = TimelineMonths.slots(directory.get(monthId(base)), label);
      if (Pages.count(n, cap) > Pages.count(stored, cap)) {
        updates.computeIfAbsent(monthId(base), id -> new ArrayList<>(List.of(Updates.setOnInsert(
            TimelineMonths.skeleton(key, month, TimelineKeys.isDayLabel(label))))))
            .add(Updates.max(TimelineMonths.SLOTS + "." + label, n));
      }
    });
    List<WriteModel<Document>> writes = new ArrayList<>(updates.size());
    updates.forEach((id, u) -> writes.add(KeyedDocuments.upsert(id, u)));
    KeyedDocuments.write(months, writes);
  }

  /**
   * Writes the counts and returns the month documents as they are after this batch (the stored ones with these
   * changes), from which the key totals are summed.
   *
   * @param written   the recounted pages as read back after the write
   * @param additions the refs added per page id
   */
  List<Document> write(Map<String, PageRef> touched, Set<String> recounted, Map<String, Document> written,
      Map<String, List<Document>> additions, Map<String, Document> directory, Pages.Allocator slots) {
    Map<String, Map<Integer, long[]>> fresh = new LinkedHashMap<>();
    Map<String, long[]> added = new LinkedHashMap<>();
    for (PageRef ref : touched.values()) {
      if (recounted.contains(ref.base())) {
        Document page = written.get(ref.id());
        List<Document> items = page == null ? List.of() : page.getList("items", Document.class, List.of());
        long unique = items.stream().filter(i -> !i.getBoolean("dup", false)).count();
        long oldest = items.stream().mapToLong(i -> i.getLong("t")).min().orElse(0);
        long newest = items.stream().mapToLong(i -> i.getLong("t")).max().orElse(0);
        fresh.computeIfAbsent(ref.base(), k -> new LinkedHashMap<>())
            .put(ref.page(), items.isEmpty() ? new long[] {0, 0} : new long[] {items.size(), unique, oldest, newest});
      } else {
        long[] n = added.computeIfAbsent(ref.base(), k -> new long[2]);
        for (Document item : additions.getOrDefault(ref.id(), List.of())) {
          n[0]++;
          n[1] += item.getBoolean("dup", false) ? 0 : 1;
        }
      }
    }
    Map<String, Document> after = new LinkedHashMap<>();
    Map<String, List<Bson>> updates = new LinkedHashMap<>();
    fresh.forEach((base, pages) -> {
      Document month = monthOf(base, directory, after);
      List<Bson> u = updates.computeIfAbsent(monthId(base), id -> new ArrayList<>());
      long[] totals = MonthCounts.hourTotals(month, labelOf(base), pages, slots.slots(base), cap, u);
      MonthCounts.setCount(month, u, TimelineMonths.ALL, labelOf(base), totals[0]);
      MonthCounts.setCount(month, u, TimelineMonths.UNIQUE, labelOf(base), totals[1]);
      raiseSlots(month, base, slots, u);
    });
    added.forEach((base, n) -> {
      Document month = monthOf(base, directory, after);
      List<Bson> u = updates.computeIfAbsent(monthId(base), id -> new ArrayList<>());
      String label = labelOf(base);
      u.add(Updates.inc(TimelineMonths.ALL + "." + label, n[0]));
      KeyTotals.putCount(MonthCounts.subDocument(month, TimelineMonths.ALL), label, MonthCounts.count(month, TimelineMonths.ALL, label) + n[0]);
      if (n[1] > 0) {
        u.add(Updates.inc(TimelineMonths.UNIQUE + "." + label, n[1]));
        KeyTotals.putCount(MonthCounts.subDocument(month, TimelineMonths.UNIQUE), label,
            MonthCounts.count(month, TimelineMonths.UNIQUE, label) + n[1]);
      }
      raiseSlots(month, base, slots, u);
    });
    List<WriteModel<Document>> writes = new ArrayList<>(2 * updates.size());
    updates.forEach((id, u) -> {
      Document m = after.get(id);
      if (!directory.containsKey(id)) {
        // only a month read as missing needs its skeleton first; one read just now is only deleted by retention,
        // and only once the month is past it, so the update's no-op then loses nothing that is kept
        writes.add(KeyedDocuments.ensure(id, TimelineMonths.skeleton(m.getString("key"), m.getString("month"),
            TimelineMonths.DAY_LAYOUT.equals(m.getString(TimelineMonths.LAYOUT)))));
      }
      writes.add(KeyedDocuments.update(id, u));
    });
    KeyedDocuments.write(months, writes);
    return new ArrayList<>(after.values());
  }

  /**
   * An hour of one page needs no slot count: its item count stands in (TimelineMonths.slots), and the month
   * documents, read on every batch and page, stay a third smaller.
   */
  private void raiseSlots(Document month, String base, Pages.Allocator slots, List<Bson> u) {
    String label = labelOf(base);
    Long n = slots.taken().get(base);
    if (n != null && (n > cap || TimelineMonths.field(month, TimelineMonths.SLOTS, label) != null)) {
      u.add(Updates.max(TimelineMonths.SLOTS + "." + label, n));
      MonthCounts.subDocument(month, TimelineMonths.SLOTS).put(label, n);
    }
  }

  private static Document monthOf(String base, Map<String, Document> directory, Map<String, Document> after) {
    String label = labelOf(base);
    String key = base.substring(0, base.lastIndexOf('|'));
    return after.computeIfAbsent(monthId(base), id -> MonthCounts.copyOf(directory.get(id), key,
        TimelineKeys.monthOfHour(label), TimelineKeys.isDayLabel(label)));
  }

  private static String labelOf(String base) {
    return base.substring(base.lastIndexOf('|') + 1);
  }

  private static String monthId(String base) {
    return TimelineKeys.monthId(base.substring(0, base.lastIndexOf('|')), TimelineKeys.monthOfHour(labelOf(base)));
  }
}
