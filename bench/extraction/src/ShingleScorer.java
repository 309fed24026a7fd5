import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The article-extraction benchmark's scoring: tokens are Python's {@code \w+} matches, shingles the
 * multiset of 4-token windows (1-3 tokens give one shorter shingle), TP/FP/FN the multiset overlap.
 */
final class ShingleScorer {

  record Counts(int tp, int fp, int fn) {}

  private ShingleScorer() {}

  /**
   * Python's str-pattern {@code \w}: characters for which {@code str.isalnum()} holds, plus '_'.
   * That is letters (L*) and numbers (Nd, Nl, No) but not combining marks (M*), where Java's
   * UNICODE_CHARACTER_CLASS {@code \w} differs.
   */
  static boolean isPythonWordChar(int cp) {
    if (cp == '_' || Character.isLetter(cp)) {
      return true;
    }
    int type = Character.getType(cp);
    return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER
        || type == Character.OTHER_NUMBER;
  }

  static List<String> tokens(String text) {
    List<String> out = new ArrayList<>();
    if (text == null) {
      return out;
    }
    int start = -1;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      if (isPythonWordChar(cp)) {
        if (start < 0) {
          start = i;
        }
      } else if (start >= 0) {
        out.add(text.substring(start, i));
        start = -1;
      }
      i += Character.charCount(cp);
    }
    if (start >= 0) {
      out.add(text.substring(start));
    }
    return out;
  }

  static Map<List<String>, Integer> shingles(String text) {
    List<String> tokens = tokens(text);
    Map<List<String>, Integer> out = new HashMap<>();
    if (tokens.isEmpty()) {
      return out;
    }
    int windows = Math.max(1, tokens.size() - 4 + 1);
    for (int i = 0; i < windows; i++) {
      out.merge(List.copyOf(tokens.subList(i, Math.min(tokens.size(), i + 4))), 1, Integer::sum);
    }
    return out;
  }

  static Counts compare(String truth, String predicted) {
    Map<List<String>, Integer> t = shingles(truth);
    Map<List<String>, Integer> p = shingles(predicted);
    int tp = 0;
    int fp = 0;
    int fn = 0;
    for (Map.Entry<List<String>, Integer> e : p.entrySet()) {
      int inTruth = t.getOrDefault(e.getKey(), 0);
      tp += Math.min(inTruth, e.getValue());
      fp += Math.max(0, e.getValue() - inTruth);
    }
    for (Map.Entry<List<String>, Integer> e : t.entrySet()) {
      fn += Math.max(0, e.getValue() - p.getOrDefault(e.getKey(), 0));
    }
    return new Counts(tp, fp, fn);
  }

  /** Per-page precision and recall means and the F1 of the means, as the benchmark reports them. */
  record Score(double precision, double recall, double f1, int pages) {
    @Override
    public String toString() {
      return String.format("P=%.3f R=%.3f F1=%.3f (%d pages)", precision, recall, f1, pages);
    }
  }

  static Score score(Map<String, String> truth, Map<String, String> predicted) {
    double pSum = 0;
    int pN = 0;
    double rSum = 0;
    int rN = 0;
    for (Map.Entry<String, String> e : truth.entrySet()) {
      Counts c = compare(e.getValue(), predicted.getOrDefault(e.getKey(), ""));
      if (c.tp + c.fp > 0) {
        pSum += (double) c.tp / (c.tp + c.fp);
        pN++;
      }
      if (c.tp + c.fn > 0) {
        rSum += (double) c.tp / (c.tp + c.fn);
        rN++;
      }
    }
    double p = pN == 0 ? 0 : pSum / pN;
    double r = rN == 0 ? 0 : rSum / rN;
    return new Score(p, r, p + r == 0 ? 0 : 2 * p * r / (p + r), truth.size());
  }
}
