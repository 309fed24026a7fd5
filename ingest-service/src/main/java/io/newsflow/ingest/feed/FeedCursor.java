package io.newsflow.ingest.feed;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where polling a feed has got to: the validators for the next conditional GET, the items already
 * published, and the feed's health. Stored on the compacted topic {@code newsflow.ingest.cursors}
 * keyed by feed id, and saved only after the broker acknowledged every article of the poll.
 *
 * @param feedId       the feed
 * @param etag         ETag of the last 200 response, may be null
 * @param lastModified Last-Modified of the last 200 response, may be null
 * @param items        published items, oldest first, capped
 * @param health       polling health
 * @param savedAt      when this cursor was written; a newer cursor replaces an older one
 */
public record FeedCursor(String feedId, String etag, String lastModified, List<SeenItem> items, FeedHealth health, Instant savedAt) {

  public FeedCursor {
    items = items == null ? List.of() : List.copyOf(items);
    health = health == null ? FeedHealth.NEVER_POLLED : health;
  }

  public static FeedCursor empty(String feedId) {
    return new FeedCursor(feedId, null, null, List.of(), FeedHealth.NEVER_POLLED, Instant.EPOCH);
  }

  Map<String, SeenItem> byIdentity() {
    Map<String, SeenItem> map = new LinkedHashMap<>();
    for (SeenItem item : items) {
      map.put(item.identity(), item);
    }
    return map;
  }

  /** This cursor with the items merged in (replacing same identities) and only the newest {@code cap} kept. */
  FeedCursor withItems(List<SeenItem> changed, int cap, String etag, String lastModified, FeedHealth health, Instant savedAt) {
    Map<String, SeenItem> merged = byIdentity();
    for (SeenItem item : changed) {
      merged.remove(item.identity());
      merged.put(item.identity(), item);
    }
    List<SeenItem> list = new ArrayList<>(merged.values());
    if (list.size() > cap) {
      list = list.subList(list.size() - cap, list.size());
    }
    return new FeedCursor(feedId, etag, lastModified, list, health, savedAt);
  }

  FeedCursor withHealth(FeedHealth health, Instant savedAt) {
    return new FeedCursor(feedId, etag, lastModified, items, health, savedAt);
  }
}
