package io.newsflow.store.timeline;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import io.newsflow.store.mongo.EncodedOnce;
import io.newsflow.store.mongo.KeyedDocuments;
import io.newsflow.store.mongo.Packed;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;

/**
 * Per busy timeline key, the list-view items of its newest articles ({@code timeline_latest/all}: at most {@link #CAP},
 * newest first). On this server a page of 50 spent most of its time reading 51 item documents, one index lookup each
 * (13 of 23 ms at 8,000 articles); from here the first page of a busy key reads one document instead.
 *
 * <p>It is a cache of item content only: which articles a page shows is decided from the bucket refs as before, and
 * the reader takes from here only the items of refs it selected, reading the others from {@code timeline_items}. So it
 * may miss articles (a key not pushed by a batch, refs sliced off, a push lost in a crash) without being wrong. It
 * must never serve an item before its item document exists, nor one of another version than the refs. So an article
 * that had an earlier version is pulled from the lists of every key it was or is under with the read models, before
 * its new item exists, and the new items are pushed after the item documents are written
 * ({@code $push $each $sort $slice}: atomic per document, so two store instances' pushes both land and the newest
 * {@link #CAP} stay). A batch cut short before its items is applied again, which pulls before it pushes: one entry
 * per article. A crash after the items and before the push loses only cache entries.
 *
 * <p>An entry is packed: its sort key and filter fields ({@code t}, {@code articleId}, {@code dup}: what
 * {@code $sort}, {@code $pull} and the retention sweep test) beside the whole item as one BSON binary, which only this
 * reader opens. The server rewrites a list whole on every push, and did so value by value: an item of 12 actors and a
 * few themes with their evidence is ~70 values (strings written char by char into H2), 56 items a list, ~80 lists a
 * batch in a burst of 12-actor articles, the largest rewrite of a batch ({@code BENCHMARKS.md}, "Packed refs and
 * newest items"). Packed, an entry is 4 values and the item's bytes are copied as they are. Entries written before
 * packing (the item's fields themselves) are read as they are. See {@link Packed}.
 */
public final class LatestItems {

  /** Key-document field saying that a key's list has been pushed (the reader reads no list of a key without one). */
  static final String FLAG = "latestItems";
  /** Items kept per key: a page of 50, its look-ahead ref, and room for a few duplicates that pages leave out. */
  static final int CAP = 56;
  /**
   * A key other than {@code all} is pushed only when a batch adds this many refs to it: a list is ~50 KB, rewritten on
   * each push, and a key that gains a few refs a batch would cost a rewrite for a few hits.
   */
  static final int MIN_ADDED = 16;

  private final MongoCollection<Document> lists;
  private final KnownNewest known = new KnownNewest();

  /** One per writer: it remembers what it pushed, see {@link KnownNewest}. */
  public LatestItems(MongoCollection<Document> lists) {
    this.lists = lists;
  }

  static String id(String key) {
    return key;
  }

  /**
   * Takes the articles of a batch that had an earlier version off the lists of every key they were or are under (no
   * upsert: a key without a list costs a no-op), in one round trip; none for a batch of first versions.
   */
  void pull(List<TimelineBuckets.Change> changes) {
    Map<String, Set<String>> pulls = new LinkedHashMap<>();
    for (TimelineBuckets.Change c : changes) {
      if (!c.previous().isEmpty()) {
        Set<String> keys = new LinkedHashSet<>(c.next().keys());
        c.previous().forEach(p -> keys.addAll(p.keys()));
        keys.forEach(k -> pulls.computeIfAbsent(id(k), x -> new LinkedHashSet<>()).add(c.articleId()));
      }
    }
    List<WriteModel<Document>> writes = new ArrayList<>(pulls.size());
    pulls.forEach((id, articleIds) -> {
      known.pulled(id, articleIds);
      writes.add(KeyedDocuments.update(id, List.of(Updates.pull("items", Filters.in("articleId", articleIds)))));
    });
    KeyedDocuments.write(lists, writes);
  }

  /** The keys whose lists a batch pushes: {@code all} and those it adds at least {@link #MIN_ADDED} refs to. */
  static Set<String> pushedKeys(List<TimelineBuckets.Change> changes) {
    Map<String, Integer> added = new HashMap<>();
    changes.forEach(c -> c.next().keys().forEach(k -> added.merge(k, 1, Integer::sum)));
    Set<String> pushed = new LinkedHashSet<>();
    added.forEach((k, n) -> {
      if (pushes(k, n)) {
        pushed.add(k);
      }
    });
    return pushed;
  }

  private static boolean pushes(String key, int added) {
    return TimelineKeys.ALL.equals(key) || added >= MIN_ADDED;
  }

  /**
   * Pushes the items of a batch (written to their item documents just before) to the lists of {@code all} and of
   * each key the batch adds at least {@link #MIN_ADDED} items to, in one round trip: of each key only the items that
   * can stay in its list ({@link KnownNewest}), and no write for a key with none.
   */
  public void push(Map<String, List<Document>> itemsByKey) {
    Document newest = new Document("t", -1).append("articleId", -1);
    EncodedOnce items = new EncodedOnce(lists); // an article's one entry goes to each of its busy keys' lists
    Map<Document, Document> packed = new IdentityHashMap<>();
    List<WriteModel<Document>> writes = new ArrayList<>();
    Map<String, List<Document>> sent = new LinkedHashMap<>();
    itemsByKey.forEach((key, keyItems) -> {
      if (pushes(key, keyItems.size())) {
        // only the newest CAP of the batch can stay: fewer bytes to send, same result
        List<Document> newestOfBatch = known.thatCanStay(id(key), keyItems.stream().sorted(TimelineBuckets.NEWEST_FIRST).limit(CAP).toList());
        if (!newestOfBatch.isEmpty()) {
          List<Document> entries = newestOfBatch.stream().map(i -> packed.computeIfAbsent(i, LatestItems::pack)).toList();
          writes.add(KeyedDocuments.upsert(id(key), items.pushSorted("items", entries, newest, CAP)));
          sent.put(id(key), newestOfBatch);
        }
      }
    });
    KeyedDocuments.write(lists, writes);
    sent.forEach(known::pushed);
  }

  /** A list entry for an item: its sort and filter fields, and the item itself packed. */
  static Document pack(Document item) {
    return new Document("t", item.getLong("t")).append("articleId", item.getString("articleId"))
        .append("dup", item.getBoolean("dup", false)).append(Packed.FIELD, Packed.pack(item));
  }

  /** The items of the lists read, by article id (the first list's where two hold one). */
  static Map<String, Document> itemsOf(Iterable<Document> lists) {
    Map<String, Document> items = new HashMap<>();
    for (Document list : lists) {
      for (Document entry : list.getList("items", Document.class, List.of())) {
        if (!items.containsKey(entry.getString("articleId"))) {
          items.put(entry.getString("articleId"), Packed.open(entry));
        }
      }
    }
    return items;
  }
}
