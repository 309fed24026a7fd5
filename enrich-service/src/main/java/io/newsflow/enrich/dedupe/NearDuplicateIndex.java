package io.newsflow.enrich.dedupe;

import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;
import java.util.function.IntFunction;

/**
 * Locality-sensitive hashing over MinHash signatures: {@link #BANDS} bands of {@link #ROWS} bins.
 * Two texts become candidates when one band agrees, which happens with probability
 * {@code 1 - (1 - J^2)^32}: 0.95 at Jaccard 0.3, 0.9999 at 0.5, and 0.03 at 0.03 (two different
 * articles on one topic), so candidates are few and near copies are not missed.
 *
 * <p>Each band key remembers only the latest slot that had it. Texts that share a band key are near
 * copies of each other, so the latest one stands for the group; this keeps the index at one primitive
 * map entry per band per article (fastutil's open-addressing map: 12 bytes a key, no boxing).
 * Not thread-safe: {@link DedupeIndex} guards it.
 */
final class NearDuplicateIndex {

  static final int ROWS = 2;
  static final int BANDS = MinHasher.BINS / ROWS;

  private final Long2IntOpenHashMap latestSlotByBandKey;

  NearDuplicateIndex(int expectedEntries) {
    latestSlotByBandKey = new Long2IntOpenHashMap(Math.max(16, expectedEntries) * BANDS);
    latestSlotByBandKey.defaultReturnValue(-1);
  }

  void add(int slot, int[] minHash) {
    for (int band = 0; band < BANDS; band++) {
      latestSlotByBandKey.put(bandKey(band, minHash), slot);
    }
  }

  void remove(int slot, int[] minHash) {
    for (int band = 0; band < BANDS; band++) {
      long key = bandKey(band, minHash);
      if (latestSlotByBandKey.get(key) == slot) {
        latestSlotByBandKey.remove(key);
      }
    }
  }

  /**
   * The live slot most similar to {@code fingerprint}, or -1.
   *
   * @param entryAt the entry in a slot, null when the slot is empty
   * @param similarity how similar a candidate is; the best one wins
   */
  int mostSimilar(int[] minHash, IntFunction<DedupeEntry> entryAt, java.util.function.ToDoubleFunction<DedupeEntry> similarity) {
    int best = -1;
    double bestSimilarity = -1;
    int lastSeen = -1;
    for (int band = 0; band < BANDS; band++) {
      int slot = latestSlotByBandKey.get(bandKey(band, minHash));
      if (slot < 0 || slot == lastSeen || slot == best) {
        continue;
      }
      lastSeen = slot;
      DedupeEntry candidate = entryAt.apply(slot);
      if (candidate == null) {
        continue;
      }
      double s = similarity.applyAsDouble(candidate);
      if (s > bestSimilarity) {
        bestSimilarity = s;
        best = slot;
      }
    }
    return best;
  }

  int size() {
    return latestSlotByBandKey.size();
  }

  private static long bandKey(int band, int[] minHash) {
    int i = band * ROWS;
    long rows = ((long) minHash[i] << 32) | (minHash[i + 1] & 0xffffffffL);
    return Hashing.mix(rows + band * 0x9E3779B97F4A7C15L);
  }
}
