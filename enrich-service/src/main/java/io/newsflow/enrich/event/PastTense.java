package io.newsflow.enrich.event;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Whether an English sentence is plainly in the past tense: a past form of a common irregular verb, or a
 * word in "-ed" that is not one of the adjectives and plan words that end so ("armed", "scheduled").
 * Asked only for a partial month that would otherwise fall after the publication, so the scan is rare.
 */
final class PastTense {

  private static final Set<String> IRREGULAR = Set.of(
      "was", "were", "had", "did", "said", "told", "began", "took", "held", "met", "came", "went", "made",
      "saw", "gave", "won", "lost", "left", "became", "sent", "brought", "fell", "rose", "grew", "spoke",
      "wrote", "paid", "sold", "bought", "built", "struck", "shot", "fought", "ran", "chose", "drew", "froze");

  /** Words in "-ed" that are not reports of the past, or that announce a plan. */
  private static final Set<String> NOT_PAST = Set.of(
      "united", "armed", "based", "limited", "related", "hundred", "indeed", "speed", "breed", "sacred",
      "naked", "wicked", "scheduled", "planned", "expected", "proposed", "intended", "anticipated",
      "projected", "slated", "designed", "aimed", "needed", "required", "supposed", "interested", "concerned",
      "advanced", "detailed", "skilled", "alleged", "landlocked", "unprecedented", "unified");

  private static final List<String> PASSIVE_AUXILIARIES = List.of("be", "been", "being");

  private PastTense() {}

  static boolean within(String text, int from, int to) {
    return scan(text, from, to, false);
  }

  /**
   * {@link #within}, but a participle after "be", "been" or "being" is a passive ("will be held", "will be
   * allowed to play"), which a future verb can carry: only an active past form counts.
   */
  static boolean withinActive(String text, int from, int to) {
    return scan(text, from, to, true);
  }

  private static boolean scan(String text, int from, int to, boolean skipPassives) {
    boolean afterAuxiliary = false;
    int i = from;
    while (i < to) {
      while (i < to && !isAsciiLetter(text.charAt(i))) {
        i++;
      }
      int start = i;
      while (i < to && isAsciiLetter(text.charAt(i))) {
        i++;
      }
      int length = i - start;
      boolean passive = afterAuxiliary;
      afterAuxiliary = skipPassives && isPassiveAuxiliary(text, start, length);
      if (length < 3 || length > 16 || (i < to && Character.isLetter(text.charAt(i)))) {
        continue;
      }
      boolean ed = length >= 5 && text.charAt(i - 2) == 'e' && text.charAt(i - 1) == 'd';
      if (ed ? !passive : length <= 7) {
        String word = text.substring(start, i).toLowerCase(Locale.ROOT);
        if (ed ? !NOT_PAST.contains(word) : IRREGULAR.contains(word)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean isPassiveAuxiliary(String text, int start, int length) {
    for (String auxiliary : PASSIVE_AUXILIARIES) {
      if (auxiliary.length() == length && text.regionMatches(true, start, auxiliary, 0, length)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }
}
