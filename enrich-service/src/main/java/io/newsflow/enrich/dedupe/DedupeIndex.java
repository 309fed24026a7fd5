package io.newsflow.enrich.dedupe;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The bounded memory of dedupe: at most {@code capacity} entries in a ring, and nothing whose event
 * time is more than {@code window} older than the newest event seen. Oldest entries go first. Looks
 * entries up by article id, by exact content hash and by near-duplicate signature.
 *
 * <p>Not thread-safe: {@link Deduplicator} calls it under one lock.
 */
final class DedupeIndex {

  private final DedupeEntry[] ring;
  private final Duration window;
  private final Map<String, Integer> slotByArticleId;
  private final Map<String, Integer> slotByContentHash;
  private final NearDuplicateIndex nearDuplicates;
  private int oldest;
  private int next;
  private int size;
  private Instant newestEventTime = Instant.EPOCH;

  DedupeIndex(int capacity, Duration window) {
    if (capacity < 1) {
      throw new IllegalArgumentException("dedupe capacity must be positive, was " + capacity);
    }
    this.ring = new DedupeEntry[capacity];
    this.window = window;
    // maps start small and grow with use, so a short-lived index (tests, tools) costs little
    this.slotByArticleId = new HashMap<>();
    this.slotByContentHash = new HashMap<>();
    this.nearDuplicates = new NearDuplicateIndex(Math.min(capacity, 1024));
  }

  DedupeEntry byArticleId(String articleId) {
    Integer slot = slotByArticleId.get(articleId);
    return slot == null ? null : ring[slot];
  }

  DedupeEntry byContentHash(String contentHash) {
    Integer slot = slotByContentHash.get(contentHash);
    return slot == null ? null : ring[slot];
  }

  /** The most similar other article by estimated similarity, or null if no candidate shares a band. */
  DedupeEntry mostSimilar(ContentFingerprint fingerprint, String excludingArticleId) {
    int slot = nearDuplicates.mostSimilar(fingerprint.minHash(), s -> {
      DedupeEntry e = ring[s];
      return e == null || e.articleId().equals(excludingArticleId) ? null : e;
    }, e -> NearDuplicateRule.similarity(fingerprint, e.fingerprint()));
    return slot < 0 ? null : ring[slot];
  }

  /** Remembers {@code entry}, replacing what was known of the same article. */
  void put(DedupeEntry entry) {
    Integer previous = slotByArticleId.get(entry.articleId());
    if (previous != null) {
      forget(previous);
    }
    if (entry.eventTime().isAfter(newestEventTime)) {
      newestEventTime = entry.eventTime();
    }
    evictOutsideWindow();
    if (size == ring.length) {
      forget(oldest);
    }
    int slot = next;
    ring[slot] = entry;
    next = (next + 1) % ring.length;
    size++;
    slotByArticleId.put(entry.articleId(), slot);
    // the first article with a text stays its owner, so later copies point at the original
    slotByContentHash.putIfAbsent(entry.contentHash(), slot);
    nearDuplicates.add(slot, entry.minHash());
  }

  int size() {
    int live = 0;
    for (DedupeEntry e : ring) {
      if (e != null) {
        live++;
      }
    }
    return live;
  }

  private void evictOutsideWindow() {
    Instant horizon = newestEventTime.minus(window);
    while (size > 0) {
      DedupeEntry e = ring[oldest];
      if (e != null && !e.eventTime().isBefore(horizon)) {
        return;
      }
      forget(oldest);
    }
  }

  /** Empties a slot; the ring's tail moves past emptied slots at its end. */
  private void forget(int slot) {
    DedupeEntry e = ring[slot];
    if (e != null) {
      ring[slot] = null;
      slotByArticleId.remove(e.articleId(), slot);
      slotByContentHash.remove(e.contentHash(), slot);
      nearDuplicates.remove(slot, e.minHash());
    }
    while (size > 0 && ring[oldest] == null) {
      oldest = (oldest + 1) % ring.length;
      size--;
    }
  }
}
