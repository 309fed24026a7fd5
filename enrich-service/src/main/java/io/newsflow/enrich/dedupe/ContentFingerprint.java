package io.newsflow.enrich.dedupe;

import io.newsflow.model.article.ArticleIds;

/**
 * What dedupe compares two texts by: the exact normalised content hash (the contract's
 * {@link ArticleIds#contentHash}) and a MinHash signature of the text's word shingles.
 *
 * @param contentHash  SHA-256 of the normalised text, equal for copies that differ only in case,
 *                     whitespace and punctuation
 * @param minHash      {@link MinHasher#BINS} MinHash values of the word shingles
 * @param shingleCount how many shingles the text has (a proxy for its length)
 */
public record ContentFingerprint(String contentHash, int[] minHash, int shingleCount) {

  /** Below this many shingles the Jaccard estimate is too coarse to call two texts near copies. */
  public static final int MIN_SHINGLES_FOR_NEAR_DUPLICATE = 12;

  public static ContentFingerprint of(String text) {
    return of(text, ArticleIds.contentHash(text));
  }

  /**
   * With the content hash the producer already computed ({@code RawArticle.contentHash}, by the same
   * contract function): normalising and hashing 5 KB again costs more than all of the MinHash work.
   */
  public static ContentFingerprint of(String text, String contentHash) {
    MinHasher.Bins bins = new MinHasher.Bins();
    TextShingles.addShingles(text, bins);
    return new ContentFingerprint(contentHash, bins.signature(), bins.count());
  }

  public boolean isLongEnoughForNearDuplicate() {
    return shingleCount >= MIN_SHINGLES_FOR_NEAR_DUPLICATE;
  }

  /** Estimated Jaccard similarity of the two texts' shingle sets, in [0, 1]. */
  public double jaccard(ContentFingerprint other) {
    return MinHasher.jaccard(minHash, other.minHash);
  }

  /**
   * Estimated share of the shorter text's shingles that also occur in the longer one, derived from
   * the Jaccard estimate and both sizes; it stays high when one copy is a truncation of the other.
   */
  public double containment(ContentFingerprint other) {
    double j = jaccard(other);
    int smaller = Math.min(shingleCount, other.shingleCount);
    if (smaller == 0) {
      return 0;
    }
    double intersection = j * (shingleCount + other.shingleCount) / (1 + j);
    return Math.min(1, intersection / smaller);
  }
}
