package io.newsflow.enrich.event;

import io.newsflow.enrich.tagging.text.TextFolder;
import java.time.DayOfWeek;
import java.time.Month;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Russian month, weekday and period words as news text writes them, folded (lower case, ё as е).
 * Russian declines these words, and the case says what may stand around them: a day number takes the
 * genitive ("26 сентября"), "в" the prepositional ("в сентябре"), so each form is filed with its case.
 */
final class RussianDateVocabulary {

  private RussianDateVocabulary() {}

  enum Case { NOMINATIVE, GENITIVE, PREPOSITIONAL }

  record MonthForm(Month month, Case grammaticalCase) {}

  /** Nominative, genitive and prepositional of each month, January first. */
  private static final String[][] MONTHS = {
      {"январь", "января", "январе"}, {"февраль", "февраля", "феврале"}, {"март", "марта", "марте"},
      {"апрель", "апреля", "апреле"}, {"май", "мая", "мае"}, {"июнь", "июня", "июне"},
      {"июль", "июля", "июле"}, {"август", "августа", "августе"}, {"сентябрь", "сентября", "сентябре"},
      {"октябрь", "октября", "октябре"}, {"ноябрь", "ноября", "ноябре"}, {"декабрь", "декабря", "декабре"}};

  /** Weekdays in the accusative, as after "в"/"во" ("в четверг", "во вторник"), Monday first. */
  private static final String[] WEEKDAYS = {
      "понедельник", "вторник", "среду", "четверг", "пятницу", "субботу", "воскресенье"};

  /** Forms of "год" after a year number: "в 2012 году", "2021 года", "на 2026 год", "в 2012-2014 годах", "2012 г.". */
  static final Set<String> YEAR_WORDS = Set.of("год", "года", "году", "годом", "годах", "годы", "годов", "гг", "г");

  /** Forms of "год" and "месяц" after a relative word ("в прошлом году", "до конца этого года"). */
  static final Set<String> YEAR_UNIT = Set.of("год", "года", "году");
  static final Set<String> MONTH_UNIT = Set.of("месяц", "месяца", "месяце");

  /** Words before "год"/"месяц" that count from the publication: "в прошлом году" is the year before. */
  private static final Map<String, Integer> RELATIVE = relative();

  /** Weekday modifiers: "в минувший четверг" is the last one, "в следующий вторник" the next one. */
  static final Set<String> PAST_WEEKDAY = Set.of("минувший", "минувшую", "минувшее", "прошлый", "прошлую",
      "прошлое", "прошедший", "прошедшую", "прошедшее");
  static final Set<String> NEXT_WEEKDAY = Set.of("следующий", "следующую", "следующее", "ближайший",
      "ближайшую", "ближайшее", "предстоящий", "предстоящую", "предстоящее");
  static final Set<String> THIS_WEEKDAY = Set.of("этот", "эту", "это");

  /** Prepositions a month in the genitive follows without a day: "с января", "до конца марта". */
  static final Set<String> BEFORE_GENITIVE_MONTH = Set.of("с", "со", "до", "после", "начала", "конца",
      "середины", "начале", "конце", "середине");

  /** Words that may open a date phrase before a year or relative period, kept in the phrase's text. */
  static final Set<String> LEAD_PREPOSITIONS = Set.of("в", "во", "с", "со", "до", "к", "на", "по", "после");

  private static final Map<String, MonthForm> MONTH_FORMS = monthForms();
  private static final Map<String, DayOfWeek> WEEKDAY_FORMS = weekdayForms();
  private static final Set<String> ANCHORS = anchors();
  private static final int LONGEST_ANCHOR = ANCHORS.stream().mapToInt(String::length).max().orElse(0);
  /** Per folded first letter (low byte of its code), a bit for each length an anchor word of that letter has. */
  private static final int[] ANCHOR_LENGTHS = anchorLengths();

  static MonthForm month(String folded) {
    return MONTH_FORMS.get(folded);
  }

  static DayOfWeek weekday(String folded) {
    return WEEKDAY_FORMS.get(folded);
  }

  /** How many units from the publication a relative word counts ("прошлом" −1), or null. */
  static Integer relativeOffset(String folded) {
    return RELATIVE.get(folded);
  }

  /** The folded anchor words {@link #isAnchorWord} accepts. */
  static Set<String> anchorWords() {
    return ANCHORS;
  }

  static boolean isCyrillic(char c) {
    return c >= '\u0400' && c <= '\u04FF';
  }

  /**
   * Whether the Cyrillic word at {@code i} is one a Russian date phrase turns on: a month, a weekday,
   * "год"/"месяц" or "вчера". The rules look back from it for "в", "с", "прошлом".
   */
  static boolean isAnchorWord(String text, int i, int to) {
    int end = wordEnd(text, i, to);
    int length = end - i;
    // first letter and length rule out most words before any copy: this runs on every Cyrillic word
    return length <= LONGEST_ANCHOR && (ANCHOR_LENGTHS[TextFolder.fold(text.charAt(i)) & 0xFF] & (1 << length)) != 0
        && ANCHORS.contains(folded(text, i, end));
  }

  static int wordEnd(String text, int i, int to) {
    while (i < to && Character.isLetter(text.charAt(i))) {
      i++;
    }
    return i;
  }

  /**
   * The word at [start, end) folded, or "" when it does not open with a Cyrillic letter: every word these
   * rules look up is Russian, and English text then costs no copy per number.
   */
  static String folded(String text, int start, int end) {
    if (end <= start || !isCyrillic(text.charAt(start))) {
      return "";
    }
    char[] out = new char[end - start];
    for (int k = 0; k < out.length; k++) {
      out[k] = TextFolder.fold(text.charAt(start + k));
    }
    return new String(out);
  }

  private static Map<String, MonthForm> monthForms() {
    Map<String, MonthForm> forms = new HashMap<>();
    for (int m = 0; m < 12; m++) {
      for (Case c : Case.values()) {
        forms.put(MONTHS[m][c.ordinal()], new MonthForm(Month.of(m + 1), c));
      }
    }
    return Map.copyOf(forms);
  }

  private static Map<String, DayOfWeek> weekdayForms() {
    Map<String, DayOfWeek> forms = new HashMap<>();
    for (int d = 0; d < 7; d++) {
      forms.put(WEEKDAYS[d], DayOfWeek.of(d + 1));
    }
    return Map.copyOf(forms);
  }

  private static Map<String, Integer> relative() {
    Map<String, Integer> words = new HashMap<>();
    for (String w : new String[] {"прошлом", "прошлого", "прошлый", "минувшем", "минувшего", "минувший",
        "предыдущем", "предыдущего", "предыдущий"}) {
      words.put(w, -1);
    }
    for (String w : new String[] {"позапрошлом", "позапрошлого", "позапрошлый"}) {
      words.put(w, -2);
    }
    for (String w : new String[] {"этом", "этого", "этот", "текущем", "текущего", "текущий", "нынешнем",
        "нынешнего", "нынешний"}) {
      words.put(w, 0);
    }
    for (String w : new String[] {"следующем", "следующего", "следующий", "будущем", "будущего", "будущий",
        "наступающем", "наступающего", "наступающий"}) {
      words.put(w, 1);
    }
    return Map.copyOf(words);
  }

  private static int[] anchorLengths() {
    int[] lengths = new int[256];
    for (String w : ANCHORS) {
      lengths[w.charAt(0) & 0xFF] |= 1 << w.length();
    }
    return lengths;
  }

  private static Set<String> anchors() {
    java.util.HashSet<String> words = new java.util.HashSet<>(MONTH_FORMS.keySet());
    words.addAll(WEEKDAY_FORMS.keySet());
    words.addAll(YEAR_UNIT);
    words.addAll(MONTH_UNIT);
    words.add("вчера");
    words.add("позавчера");
    return Set.copyOf(words);
  }
}
