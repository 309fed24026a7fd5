package io.newsflow.enrich.dedupe;

/**
 * One-permutation MinHash with optimal densification (Shrivastava, ICML 2017): each shingle hash is
 * hashed once and falls in one of {@link #BINS} bins, each bin keeps its minimum, and empty bins borrow
 * from a pseudo-randomly chosen non-empty bin. Classic MinHash needs one hash per shingle per bin
 * (64x the work); this keeps the unbiased Jaccard estimate at one hash per shingle.
 *
 * <p>No Java library we could find offers densified one-permutation MinHash with LSH banding and is
 * maintained, so this small class is written here.
 */
final class MinHasher {

  static final int BINS = 64;
  private static final int BIN_BITS = 6;
  private static final long VALUE_MASK = (1L << (64 - BIN_BITS)) - 1;

  private MinHasher() {}

  static int[] signature(long[] shingles) {
    Bins bins = new Bins();
    for (long shingle : shingles) {
      bins.add(shingle);
    }
    return bins.signature();
  }

  /**
   * The bins filled one shingle at a time, so {@link TextShingles#addShingles} can feed them while it
   * reads the text instead of collecting every shingle in arrays first (those arrays were a fifth of the
   * bytes the enrichment of an article allocated).
   */
  static final class Bins {

    private final long[] min = new long[BINS];
    private int count;

    Bins() {
      java.util.Arrays.fill(min, Long.MAX_VALUE);
    }

    void add(long shingle) {
      long h = Hashing.mix(shingle ^ 0x5DEECE66DL);
      int bin = (int) (h >>> (64 - BIN_BITS));
      long value = h & VALUE_MASK;
      if (value < min[bin]) {
        min[bin] = value;
      }
      count++;
    }

    /** Shingles added so far. */
    int count() {
      return count;
    }

    int[] signature() {
      int[] signature = new int[BINS];
      if (count == 0) {
        return signature;
      }
      for (int bin = 0; bin < BINS; bin++) {
        long value = min[bin];
        // densification: the probe sequence depends only on the bin and the attempt, so two texts with
        // the same non-empty bins fill their empty bins the same way
        for (int attempt = 1; value == Long.MAX_VALUE; attempt++) {
          int donor = (int) (Hashing.mix(((long) bin << 32) | attempt) >>> (64 - BIN_BITS));
          value = min[donor];
        }
        signature[bin] = (int) (value ^ (value >>> 32));
      }
      return signature;
    }
  }

  /** Estimated Jaccard similarity of the two shingle sets: the share of bins that agree. */
  static double jaccard(int[] a, int[] b) {
    int equal = 0;
    for (int i = 0; i < BINS; i++) {
      if (a[i] == b[i]) {
        equal++;
      }
    }
    return equal / (double) BINS;
  }
}
