package io.newsflow.store.actor;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Words of actor names and aliases, and of searches for them, in one comparable form: compatibility
 * decomposition, combining marks removed, lower case, split on anything but letters and digits. So
 * "Tokaev", "Tokayev" stay distinct, but "Qasym-Jomart" matches "qasym", and "Türkiye", "turkiye".
 */
public final class ActorNames {

  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");

  private ActorNames() {}

  public static List<String> words(String text) {
    if (text == null || text.isBlank()) {
      return List.of();
    }
    String folded = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFKD)).replaceAll("").toLowerCase(Locale.ROOT)
        // letters that do not decompose: the Turkic dotless i, the Nordic o with stroke, the German sharp s
        .replace('ı', 'i').replace('ø', 'o').replace("ß", "ss");
    return Arrays.stream(SEPARATORS.split(folded)).filter(w -> !w.isEmpty()).distinct().toList();
  }
}
