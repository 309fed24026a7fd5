package io.newsflow.enrich.dedupe;

import java.time.Duration;

/**
 * How much dedupe remembers and how strict it is.
 *
 * @param capacity               most articles remembered (about 1 KB of heap an article, measured)
 * @param window                 articles whose event time is further than this behind the newest are forgotten
 * @param nearDuplicateThreshold similarity from which a text is a near copy of an earlier one
 * @param storyWindow            how far apart in event time two articles of one story may be
 */
public record DedupeSettings(int capacity, Duration window, double nearDuplicateThreshold, Duration storyWindow) {

  public static final DedupeSettings DEFAULTS = new DedupeSettings(50_000, Duration.ofDays(7), 0.5, Duration.ofHours(72));

  public DedupeSettings {
    if (capacity < 1) {
      throw new IllegalArgumentException("dedupe capacity must be positive, was " + capacity);
    }
    if (window == null || window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("dedupe window must be positive, was " + window);
    }
    if (nearDuplicateThreshold <= 0 || nearDuplicateThreshold > 1) {
      throw new IllegalArgumentException("near-duplicate threshold must be in (0, 1], was " + nearDuplicateThreshold);
    }
    if (storyWindow == null || storyWindow.isNegative()) {
      throw new IllegalArgumentException("story window must not be negative, was " + storyWindow);
    }
  }
}
