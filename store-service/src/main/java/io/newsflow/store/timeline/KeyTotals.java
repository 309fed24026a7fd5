package io.newsflow.store.timeline;

import com.mongodb.client.MongoCollection;
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
 * The key documents: per timeline key the item counts of each month ({@code monthsAll}, {@code monthsUnique}),
 * totals, and the actor's or theme's display fields. One count per month and at most
 * {@value TimelineKeys#MAX_ALIASES} aliases, so small for any store.
 */
final class KeyTotals {

  private final MongoCollection<Document> keys;

  KeyTotals(MongoCollection<Document> keys) {
    this.keys = keys;
  }

  /** Sets the month counts of the keys of {@code monthDocs} (as they are after this batch) and the display fields. */
  void rewrite(List<Document> monthDocs, Map<String, Document> keyFields) {
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
        all.put(m.getString("month"), sum(m.get(TimelineMonths.ALL, Document.class)));
        unique.put(m.getString("month"), sum(m.get(TimelineMonths.UNIQUE, Document.class)));
      }
      all.forEach((m, n) -> putCount(monthsAll, m, n));
      unique.forEach((m, n) -> putCount(monthsUnique, m, n));
      if (!stored.containsKey(entry.getKey())) {
        // key documents are never deleted, so one read just now needs no skeleton write (a document lookup saved)
        writes.add(KeyedDocuments.ensure(entry.getKey(), new Document("monthsAll", new Document()).append("monthsUnique", new Document())));
      }
      List<Bson> updates = new ArrayList<>(KeyedDocuments.counts("monthsAll", all));
      updates.addAll(KeyedDocuments.counts("monthsUnique", unique));
      // totals from the months just read plus this batch's: a concurrent writer's newer month count is
      // corrected by the next batch that touches the key
      updates.add(Updates.set("total", sum(monthsAll)));
      updates.add(Updates.set("unique", sum(monthsUnique)));
      Document fields = keyFields.get(entry.getKey());
      if (fields != null) {
        addFieldUpdates(key, fields, updates);
      }
      writes.add(KeyedDocuments.update(entry.getKey(), updates));
    }
    KeyedDocuments.write(keys, writes);
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
