package io.newsflow.store.timeline;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Splits titles and free-text queries into comparable words (NFKC, lower case, letters and digits). */
public final class TitleWords {

  private TitleWords() {}

  public static List<String> of(String text) {
    if (text == null || text.isBlank()) {
      return List.of();
    }
    String normalised = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    return Arrays.stream(normalised.split("[^\\p{L}\\p{N}]+")).filter(w -> !w.isEmpty()).distinct().toList();
  }
}
