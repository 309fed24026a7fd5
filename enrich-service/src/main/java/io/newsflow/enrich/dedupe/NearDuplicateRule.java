package io.newsflow.enrich.dedupe;

/**
 * When two texts count as near copies. Jaccard over word shingles is the measure; containment (the
 * share of the shorter text found in the longer) is also accepted when the two are of comparable
 * length, so a syndicated copy that drops the last paragraphs is still a copy, while a short brief
 * quoted inside a long analysis is not.
 */
final class NearDuplicateRule {

  /** Containment only counts when the shorter text has at least this share of the longer one's shingles. */
  static final double MIN_LENGTH_RATIO_FOR_CONTAINMENT = 0.4;

  private NearDuplicateRule() {}

  static double similarity(ContentFingerprint a, ContentFingerprint b) {
    if (!a.isLongEnoughForNearDuplicate() || !b.isLongEnoughForNearDuplicate()) {
      return 0;
    }
    double jaccard = a.jaccard(b);
    double ratio = Math.min(a.shingleCount(), b.shingleCount()) / (double) Math.max(a.shingleCount(), b.shingleCount());
    return ratio >= MIN_LENGTH_RATIO_FOR_CONTAINMENT ? Math.max(jaccard, a.containment(b)) : jaccard;
  }
}
