package io.newsflow.model.article;

import java.util.Objects;

/**
 * The dedupe verdict on one article.
 *
 * @param verdict     NEW, DUPLICATE or UPDATE
 * @param duplicateOf for DUPLICATE, the article id of the original; otherwise null
 * @param similarity  for DUPLICATE, the similarity to the original in [0, 1] (1 for an exact copy);
 *                    otherwise 0
 * @param storyId     the story (group of articles about one event) this article belongs to
 * @param contentHash the normalised content hash the verdict was computed on
 */
public record Dedupe(DedupeVerdict verdict, String duplicateOf, double similarity, String storyId, String contentHash) {

  public Dedupe {
    Objects.requireNonNull(verdict, "verdict");
    if (verdict == DedupeVerdict.DUPLICATE && duplicateOf == null) {
      throw new IllegalArgumentException("a DUPLICATE verdict names the article it duplicates");
    }
    if (similarity < 0 || similarity > 1) {
      throw new IllegalArgumentException("similarity must be in [0, 1], was " + similarity);
    }
  }

  public boolean isDuplicate() {
    return verdict == DedupeVerdict.DUPLICATE;
  }
}
