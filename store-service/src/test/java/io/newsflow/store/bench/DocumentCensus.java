package io.newsflow.store.bench;

import com.mongodb.client.MongoDatabase;
import io.newsflow.store.mongo.Collections;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bson.BsonValue;
import org.bson.RawBsonDocument;

/**
 * Sizes of the read-model documents a batch rewrites whole on the embedded server (its H2 backend stores and
 * re-serialises a document on every update): per collection and kind of document, how many there are and their
 * BSON bytes (mean, median, max), and per entry of their {@code items} array. Read once at the end of a run.
 */
final class DocumentCensus {

  private DocumentCensus() {}

  static String table(MongoDatabase db) {
    Map<String, List<long[]>> kinds = new TreeMap<>();
    for (String collection : List.of(Collections.TIMELINE_BUCKETS, Collections.EVENT_BUCKETS, Collections.TIMELINE_LATEST,
        Collections.TIMELINE_MONTHS, Collections.TIMELINE_KEYS, Collections.TIMELINE_ITEMS)) {
      // small batches: the embedded server fills a reply with every document asked for, and pages are up to ~100 KB
      for (RawBsonDocument d : db.getCollection(collection, RawBsonDocument.class).find().batchSize(100)) {
        long size = d.getByteBuffer().remaining();
        BsonValue items = d.get("items");
        long entries = items != null && items.isArray() ? items.asArray().size() : 0;
        kinds.computeIfAbsent(collection + " " + kindOf(collection, d.getString("_id").getValue(), d), k -> new ArrayList<>())
            .add(new long[] {size, entries});
      }
    }
    StringBuilder out = new StringBuilder("| collection, kind | documents | bytes mean | median | max | items mean | bytes per item |\n|---|---|---|---|---|---|---|\n");
    kinds.forEach((kind, docs) -> {
      long[] sizes = docs.stream().mapToLong(s -> s[0]).sorted().toArray();
      double bytes = docs.stream().mapToLong(s -> s[0]).average().orElse(0);
      double entries = docs.stream().mapToLong(s -> s[1]).average().orElse(0);
      out.append(String.format("| %s | %d | %.0f | %d | %d | %.1f | %s |%n", kind, docs.size(), bytes, sizes[sizes.length / 2],
          sizes[sizes.length - 1], entries, entries > 0 ? String.format("%.0f", bytes / entries) : "-"));
    });
    return out.toString();
  }

  /** The key family of a document ({@code all}, actor, theme, source, language), pages and directories apart. */
  private static String kindOf(String collection, String id, RawBsonDocument d) {
    if (collection.equals(Collections.EVENT_BUCKETS) && d.containsKey("kind")) {
      return "index";
    }
    if (collection.equals(Collections.TIMELINE_ITEMS)) {
      return "item";
    }
    String key = id.contains("|") ? id.substring(0, id.indexOf('|')) : id;
    return key.equals("all") ? "all" : key.contains(":") ? key.substring(0, key.indexOf(':') + 1) : key;
  }
}
