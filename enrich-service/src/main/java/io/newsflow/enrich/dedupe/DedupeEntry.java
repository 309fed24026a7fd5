package io.newsflow.enrich.dedupe;

import io.newsflow.model.article.DedupeVerdict;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What the dedupe index remembers of one article. It is also the value of the enrich-internal
 * signatures topic (keyed by article id, compacted), so every enrich instance and every restart
 * rebuilds the same index.
 *
 * @param articleId     the article
 * @param contentHash   normalised content hash of its latest version
 * @param minHash       MinHash signature of its text
 * @param shingleCount  number of word shingles of its text
 * @param verdict       the verdict it was published with
 * @param duplicateOf   for a DUPLICATE, the original (always the root, never a duplicate itself)
 * @param similarity    for a DUPLICATE, the similarity to the original
 * @param storyId       the story it belongs to
 * @param eventTime     publication time, or fetch time when the feed gave none; windows are measured on it
 * @param origin        the raw record it was computed from ({@code topic-partition@offset}), so a
 *                      redelivery of that record is told apart from a re-publication of the article
 * @param instanceId    the enrich instance that wrote it
 * @param storyActors   the most salient actor ids, used to group stories
 * @param storyKeywords hashes of the title and lead words, used to group stories
 */
public record DedupeEntry(
    String articleId,
    String contentHash,
    int[] minHash,
    int shingleCount,
    DedupeVerdict verdict,
    String duplicateOf,
    double similarity,
    String storyId,
    Instant eventTime,
    String origin,
    String instanceId,
    List<String> storyActors,
    long[] storyKeywords) {

  public DedupeEntry {
    Objects.requireNonNull(articleId, "articleId");
    Objects.requireNonNull(contentHash, "contentHash");
    Objects.requireNonNull(minHash, "minHash");
    Objects.requireNonNull(verdict, "verdict");
    Objects.requireNonNull(eventTime, "eventTime");
    if (minHash.length != MinHasher.BINS) {
      throw new IllegalArgumentException("minHash has " + minHash.length + " values, expected " + MinHasher.BINS);
    }
    storyActors = storyActors == null ? List.of() : List.copyOf(storyActors);
    storyKeywords = storyKeywords == null ? new long[0] : storyKeywords;
  }

  ContentFingerprint fingerprint() {
    return new ContentFingerprint(contentHash, minHash, shingleCount);
  }

  /** The article this one's copies should point at: itself, or its own original if it is a copy. */
  String rootId() {
    return duplicateOf != null ? duplicateOf : articleId;
  }
}
