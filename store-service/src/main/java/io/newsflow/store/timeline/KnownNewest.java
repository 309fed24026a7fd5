package io.newsflow.store.timeline;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bson.Document;

/**
 * Per key of {@link LatestItems}, the newest {@link LatestItems#CAP} items this writer pushed to its list and has not
 * pulled since. The list holds the newest {@code CAP} of everything ever pushed to it (by any writer), so its oldest
 * kept item is never older than the oldest of these: an item older than that would be sliced off by the push, and is
 * not sent. In a burst whose articles come in no time order most of a batch is such items (a busy key's list keeps
 * 56 of the hundreds a batch adds), and a batch with none left makes no write of the list at all.
 *
 * <p>Another store instance's pulls (revisions) and the retention sweep can make room in a list without this writer
 * knowing; an item it then leaves out is an item the list misses, which the list's contract allows (its reader takes
 * missing items from the item documents). This writer's own pulls are forgotten here before its next push.
 */
final class KnownNewest {

  /** Keys remembered: past this many (far more than busy keys), the memory starts again empty. */
  static final int MAX_KEYS = 20_000;

  /** Per key: sort key (newest first) to article id; at most CAP entries. */
  private final Map<String, TreeMap<Document, String>> byKey = new HashMap<>();

  /** The items of {@code items} that can stay in the key's list after a push: all, until the key's list is known full. */
  synchronized List<Document> thatCanStay(String key, List<Document> items) {
    TreeMap<Document, String> known = byKey.get(key);
    if (known == null || known.size() < LatestItems.CAP) {
      return items;
    }
    Document oldestKept = known.lastKey();
    return items.stream().filter(i -> TimelineBuckets.NEWEST_FIRST.compare(i, oldestKept) <= 0).toList();
  }

  /** Remembers what a push sent (after the server acknowledged it). */
  synchronized void pushed(String key, Collection<Document> items) {
    if (!byKey.containsKey(key) && byKey.size() >= MAX_KEYS) {
      byKey.clear();
    }
    TreeMap<Document, String> known = byKey.computeIfAbsent(key, k -> new TreeMap<>(TimelineBuckets.NEWEST_FIRST));
    for (Document item : items) {
      known.put(new Document("t", item.getLong("t")).append("articleId", item.getString("articleId")), item.getString("articleId"));
      if (known.size() > LatestItems.CAP) {
        known.pollLastEntry();
      }
    }
  }

  /** Forgets the articles pulled from a key's list (before the pull is sent: a failed pull only costs bytes). */
  synchronized void pulled(String key, Collection<String> articleIds) {
    TreeMap<Document, String> known = byKey.get(key);
    if (known != null) {
      known.values().removeIf(articleIds::contains);
    }
  }
}
