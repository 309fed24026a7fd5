package io.newsflow.enrich.theme;

import java.util.Map;
import java.util.Objects;

/**
 * One taxonomy theme.
 *
 * @param id        stable id ({@code military-exercises})
 * @param label     human label
 * @param threshold minimum score for a tag; null means the taxonomy default
 * @param evidence  folded-at-load phrases and their weights; a trailing {@code *} matches word prefixes
 * @param negative  phrases that argue against the theme ("exercise bike"), with the weight they subtract
 */
public record Theme(String id, String label, Double threshold, Map<String, Double> evidence,
                    Map<String, Double> negative) {

  public Theme {
    Objects.requireNonNull(id, "id");
    evidence = evidence == null ? Map.of() : Map.copyOf(evidence);
    negative = negative == null ? Map.of() : Map.copyOf(negative);
  }
}
