package io.newsflow.enrich.dedupe;

/**
 * In how many recent articles each story keyword occurred: a count-min sketch of two rows (1 MB), so
 * memory does not grow with the vocabulary. Collisions can only overstate a count, making a rare word
 * look a little commoner, never a common one rarer. Not thread-safe: {@link StoryClusterer}'s caller
 * guards it.
 */
final class KeywordCounts {

  private static final int BITS = 17;
  private static final int MASK = (1 << BITS) - 1;
  private final int[] low = new int[1 << BITS];
  private final int[] high = new int[1 << BITS];
  private int articles;

  void add(long[] keywords) {
    for (long k : keywords) {
      low[(int) k & MASK]++;
      high[(int) (k >>> 32) & MASK]++;
    }
    articles++;
  }

  /**
   * Inverse document frequency, floored so a keyword every article has still counts a little. A
   * keyword never seen weighs as one seen once: it cannot match any story, and letting it outweigh the
   * story's own rare words would make every outlet's fresh wording count against the match.
   */
  double weight(long k) {
    int seen = Math.max(1, Math.min(low[(int) k & MASK], high[(int) (k >>> 32) & MASK]));
    return Math.max(0.1, Math.log((articles + 1.0) / seen));
  }

  /** Halves every count, so rarity follows recent news rather than all history. */
  void halve() {
    for (int i = 0; i < low.length; i++) {
      low[i] >>= 1;
      high[i] >>= 1;
    }
    articles >>= 1;
  }
}
