package io.newsflow.store.timeline;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Per day, the co-occurrence total this writer last computed and the exact part texts it summed, so that the next batch
 * of the same day re-sums only the parts whose stored text changed (its own rewritten pages, and any another store
 * instance wrote meanwhile), subtracting what each had contributed. The total is then still the sum of the parts as
 * they are stored now, as {@link CooccurrenceDays} recomputed it from all of them: every part's text is read and
 * compared on every batch, nothing is trusted from memory that the store does not confirm. In a burst a day has tens of
 * parts and a batch rewrites one or two: summing all of them was the largest client-side cost of a batch
 * ({@code BENCHMARKS.md}, "Client CPU in the burst").
 */
final class DaySums {

  /**
   * Days remembered, most recently used kept: a batch in time order touches one or two. Each keeps its parts' texts
   * (at most 5,000 pairs, ~200 KB, each; a day has one part per page of its hours), so this bounds the memory.
   */
  static final int DAYS = 4;

  private record Sum(PairCounts total, Map<String, String> parts) {}

  private final Map<String, Sum> days = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Sum> eldest) {
      return size() > DAYS;
    }
  };

  /**
   * The day's total over its parts.
   *
   * @param texts  per label of the day, the text its part has once this batch is written (null: no part document, an
   *               hour written before parts existed)
   * @param partOf the counts of a label's part as they are now (the page's fresh counts, or the stored text decoded)
   * @param exact  false when a part's counts differ from its stored text (more pairs than a text keeps): then the total
   *               is summed whole and not remembered
   */
  synchronized PairCounts total(String day, Map<String, String> texts, Function<String, PairCounts> partOf, boolean exact) {
    Sum known = days.remove(day);
    boolean rememberable = exact && !texts.containsValue(null);
    PairCounts total = known == null || !rememberable ? null : changed(known, texts, partOf);
    if (total == null) {
      PairCounts all = new PairCounts();
      texts.keySet().forEach(label -> all.addAll(partOf.apply(label)));
      total = all;
    }
    if (rememberable) {
      days.put(day, new Sum(total, Map.copyOf(texts)));
    }
    return total;
  }

  /** The known total with the parts whose text changed taken out and added as they are now; null if it cannot be. */
  private static PairCounts changed(Sum known, Map<String, String> texts, Function<String, PairCounts> partOf) {
    PairCounts total = known.total();
    Set<String> labels = new HashSet<>(known.parts().keySet());
    labels.addAll(texts.keySet());
    for (String label : labels) {
      String before = known.parts().get(label);
      String now = texts.get(label);
      if (Objects.equals(before, now)) {
        continue;
      }
      if (before != null && !total.subtract(PairCounts.decode(before))) {
        return null; // never expected (the total is the sum of these texts): sum the day whole
      }
      if (texts.containsKey(label)) {
        total.addAll(partOf.apply(label));
      }
    }
    return total;
  }
}
