package io.newsflow.store.timeline;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import io.newsflow.store.mongo.KeyedDocuments;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The key documents: per timeline key the item counts of each month ({@code monthsAll}, {@code monthsUnique};
 * a month emptied by revisions may keep a zero), totals, and the actor's or theme's display fields. One count per month and at most
 * {@value TimelineKeys#MAX_ALIASES} aliases, so small for any store.
 */
final class KeyTotals {

  private final MongoCollection<Document> keys;

  KeyTotals(MongoCollection<Document> keys) {
    this.keys = keys;
  }

  /**
   * Raises the month counts and totals of the keys of {@code monthDocs} by what this batch changed and sets the display
   * fields. Increments, like the month documents', so two store instances never overwrite each other's counts; only
   * actors' documents are read (to merge their bounded alias lists), and a missing key document is created by
   * the same update. Keys in {@code withLatest} are marked as having a list of newest items.
   *
   * <p>What changed is each month as it is after the batch against the same month as read before it
   * ({@code before}); but when the batch takes up a version whose writes were cut short ({@code resync}), against
   * the month's count as the key document holds it, read here: that batch may have raised the month documents and
   * been cut short before (or in the middle of) this write, and its replay, finding the months raised already,
   * would otherwise never add it to the keys. A replay then costs one read of its keys' documents.
   */
  void rewrite(List<Document> monthDocs, Map<String, Document> before, Map<String, Document> keyFields, Set<String> withLatest,
      boolean resync) {
    Map<String, Document> keyed = resync ? storedMonthCounts(monthDocs) : Map.of();
    Map<String, Map<String, long[]>> deltas = new LinkedHashMap<>();
    for (Document m : monthDocs) {
      String month = m.getString("month");
      long all;
      long unique;
      if (resync) {
        Document key = keyed.getOrDefault(m.getString("key"), new Document());
        all = count(key.get("monthsAll", Document.class), month);
        unique = count(key.get("monthsUnique", Document.class), month);
      } else {
        Document old = before.get(TimelineKeys.monthId(m.getString("key"), month));
        all = old == null ? 0 : sum(old.get(TimelineMonths.ALL, Document.class));
        unique = old == null ? 0 : sum(old.get(TimelineMonths.UNIQUE, Document.class));
      }
      long[] d = {sum(m.get(TimelineMonths.ALL, Document.class)) - all, sum(m.get(TimelineMonths.UNIQUE, Document.class)) - unique};
      deltas.computeIfAbsent(m.getString("key"), k -> new LinkedHashMap<>()).put(month, d);
    }
    List<String> withAliases = deltas.keySet().stream()
        .filter(k -> keyFields.containsKey(k) && keyFields.get(k).containsKey(TimelineKeys.ALIASES)).toList();
    Map<String, Document> stored = withAliases.isEmpty() ? Map.of()
        : resync ? keyed : KeyedDocuments.load(keys, withAliases, Projections.include(TimelineKeys.ALIASES));
    List<WriteModel<Document>> writes = new ArrayList<>(deltas.size());
    deltas.forEach((key, months) -> {
      List<Bson> updates = new ArrayList<>();
      long all = 0;
      long unique = 0;
      for (Map.Entry<String, long[]> month : months.entrySet()) {
        // a zero increment still creates the field: readers find both month lists on every key document
        updates.add(Updates.inc("monthsAll." + month.getKey(), month.getValue()[0]));
        updates.add(Updates.inc("monthsUnique." + month.getKey(), month.getValue()[1]));
        all += month.getValue()[0];
        unique += month.getValue()[1];
      }
      updates.add(Updates.inc("total", all));
      updates.add(Updates.inc("unique", unique));
      Document fields = keyFields.get(key);
      if (fields != null) {
        addFieldUpdates(stored.getOrDefault(key, new Document()), fields, updates);
      }
      if (withLatest.contains(key)) {
        updates.add(Updates.set(LatestItems.FLAG, true)); // this batch pushes its newest items (LatestItems)
      }
      writes.add(KeyedDocuments.upsert(key, updates));
    });
    KeyedDocuments.write(keys, writes);
  }

  /** The key documents of the months' keys: the counts of those months, and the aliases. */
  private Map<String, Document> storedMonthCounts(List<Document> monthDocs) {
    Set<String> ids = new LinkedHashSet<>();
    Set<String> fields = new LinkedHashSet<>();
    fields.add(TimelineKeys.ALIASES);
    for (Document m : monthDocs) {
      ids.add(m.getString("key"));
      fields.add("monthsAll." + m.getString("month"));
      fields.add("monthsUnique." + m.getString("month"));
    }
    return KeyedDocuments.load(keys, ids, Projections.include(List.copyOf(fields)));
  }

  private static long count(Document counts, String month) {
    Number n = counts == null ? null : counts.get(month, Number.class);
    return n == null ? 0 : n.longValue();
  }

  private static void addFieldUpdates(Document key, Document fields, List<Bson> updates) {
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

  /** Display fields of one key from two articles of a batch: the later's values, both's aliases. */
  static Document mergeFields(Document earlier, Document later) {
    Document merged = new Document(later);
    if (earlier.containsKey(TimelineKeys.ALIASES) || later.containsKey(TimelineKeys.ALIASES)) {
      Set<String> aliases = new LinkedHashSet<>(earlier.getList(TimelineKeys.ALIASES, String.class, List.of()));
      aliases.addAll(later.getList(TimelineKeys.ALIASES, String.class, List.of()));
      merged.put(TimelineKeys.ALIASES, List.copyOf(aliases));
    }
    return merged;
  }

  static void putCount(Document counts, String field, long n) {
    if (n == 0) {
      counts.remove(field);
    } else {
      counts.put(field, n);
    }
  }

  static long sum(Document counts) {
    long total = 0;
    if (counts != null) {
      for (Object v : counts.values()) {
        total += ((Number) v).longValue();
      }
    }
    return total;
  }
}
