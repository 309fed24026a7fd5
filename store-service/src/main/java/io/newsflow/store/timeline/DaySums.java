package io.newsflow.store.timeline;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Per day, the co-occurrence total this writer last computed and the parts it summed (each with the token its writer
 * stored with it, which changes on every write), so that the next batch of the same day re-sums only the parts whose
 * stored token changed (its own rewritten pages, and any another store instance wrote meanwhile), subtracting what each
 * had contributed. The total is then still the sum of the parts as they are stored now, as {@link CooccurrenceDays}
 * recomputed it from all of them: every part's token is read on every batch, nothing is trusted from memory that the
 * store does not confirm. In a burst a day has tens to hundreds of parts (one per page of the {@code all} timeline, up
 * to ~0.5 MB of text each) and a batch rewrites a few: summing all of them was the largest client-side cost of a batch
 * ({@code BENCHMARKS.md}, "Client CPU in the burst"), and reading all their texts on every batch grew with the day's
 * volume until one reply passed the wire server's 48 MB limit (the end-to-end run of 28 Nov); only tokens are read now,
 * and the texts of the parts that changed.
 */
final class DaySums {

  /**
   * Days remembered, most recently used kept: a batch in time order touches one or two. Each keeps its parts' texts
   * (at most 5,000 pairs, ~200 KB, each; a day has one part per page of its hours), so this bounds the memory.
   */
  static final int DAYS = 4;

  /**
   * A part as stored: its token and its text. A part written before tokens existed has its text as its token, so that
   * it compares by content, as all parts did before.
   */
  record Part(String token, String text) {}

  private record Sum(PairCounts total, Map<String, Part> parts) {}

  private final Map<String, Sum> days = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Sum> eldest) {
      return size() > DAYS;
    }
  };

  /**
   * Which of a day's stored parts {@link #total} needs the text of: every one if the day is not remembered, else those
   * whose stored token is not the remembered one.
   *
   * @param storedTokens per label of the day with a part document, its stored token (null: a part without one)
   */
  synchronized Set<String> textsNeeded(String day, Map<String, String> storedTokens) {
    Sum known = days.get(day);
    Set<String> needed = new HashSet<>();
    storedTokens.forEach((label, token) -> {
      Part before = known == null ? null : known.parts().get(label);
      if (token == null || before == null || !before.token().equals(token)) {
        needed.add(label);
      }
    });
    return needed;
  }

  /**
   * The day's total over its parts.
   *
   * @param parts    per label of the day, its part once this batch is written (text null where {@link #textsNeeded} did
   *                 not ask for it: the remembered text is meant); a null part: no part document (an hour written
   *                 before parts existed)
   * @param countsOf the counts of a label whose text was given: the page's fresh counts, the stored text decoded, or a
   *                 legacy hour's
   * @param exact    false when a part's counts differ from its stored text (more pairs than a text keeps): then the total
   *                 is summed whole and not remembered
   */
  synchronized PairCounts total(String day, Map<String, Part> parts, Function<String, PairCounts> countsOf, boolean exact) {
    Sum known = days.remove(day);
    Map<String, Part> now = new LinkedHashMap<>();
    Set<String> remembered = new HashSet<>();
    parts.forEach((label, part) -> {
      if (part != null && part.text() == null) {
        Part before = known == null ? null : known.parts().get(label);
        if (before == null || !before.token().equals(part.token())) {
          throw new IllegalStateException("the text of part " + label + " was neither read nor remembered");
        }
        part = before;
        remembered.add(label);
      }
      now.put(label, part);
    });
    Function<String, PairCounts> counts = label -> remembered.contains(label) ? PairCounts.decode(now.get(label).text()) : countsOf.apply(label);
    boolean rememberable = exact && !now.containsValue(null);
    PairCounts total = known == null || !rememberable ? null : changed(known, now, counts);
    if (total == null) {
      PairCounts all = new PairCounts();
      now.keySet().forEach(label -> all.addAll(counts.apply(label)));
      total = all;
    }
    if (rememberable) {
      days.put(day, new Sum(total, Map.copyOf(now)));
    }
    return total;
  }

  /** The known total with the parts whose token changed taken out and added as they are now; null if it cannot be. */
  private static PairCounts changed(Sum known, Map<String, Part> now, Function<String, PairCounts> counts) {
    PairCounts total = known.total();
    Set<String> labels = new HashSet<>(known.parts().keySet());
    labels.addAll(now.keySet());
    for (String label : labels) {
      Part before = known.parts().get(label);
      Part after = now.get(label);
      if (before != null && after != null && before.token().equals(after.token())) {
        continue;
      }
      if (before != null && !total.subtract(PairCounts.decode(before.text()))) {
        return null; // never expected (the total is the sum of these texts): sum the day whole
      }
      if (after != null) {
        total.addAll(counts.apply(label));
      }
    }
    return total;
  }
}
