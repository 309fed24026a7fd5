package io.newsflow.model.article;

import java.util.List;

/**
 * A theme an article is about.
 *
 * @param themeId         taxonomy id, for example {@code military-exercises}
 * @param label           human label
 * @param score           the classifier's score; tags are only emitted at or above the theme's threshold
 * @param taxonomyVersion version of the taxonomy that produced the tag
 * @param evidence        the phrases that triggered it
 */
public record ThemeTag(String themeId, String label, double score, String taxonomyVersion, List<Span> evidence) {

  public ThemeTag {
    evidence = evidence == null ? List.of() : List.copyOf(evidence);
  }
}
