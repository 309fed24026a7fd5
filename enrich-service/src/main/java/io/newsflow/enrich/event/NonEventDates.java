package io.newsflow.enrich.event;

import java.util.regex.Pattern;

/**
 * Dates a page carries that are not statements of its article: page furniture (a byline or dateline, "Retrieved
 * 9 October 2018" in a reference list, "(Published Monday, Nov. 18, 2019)", a row of tabular data) and a
 * product's model year ("the 2018 model", "a 2015 or older laptop"). Furniture writes a bare date, never one
 * led by a word of the sentence ("in 1963", "on Monday"), so only bare dates are taken for it.
 */
final class NonEventDates {

  /** What a reference list writes right before a date. */
  private static final Pattern REFERENCE_BEFORE = Pattern.compile(
      "(?:[Rr]etrieved|[Aa]ccessed|[Aa]rchived from the original(?: \\(\\w+\\))? on|[Aa]rchived on)[\\s:,]*$");
  /**
   * A page's own metadata opening the line of a date, at most two words before it: "Posted on Tuesday 15 October
   * 2019 at 09:11", "(Published Monday, Nov. 18, 2019)"; not "Updated figures released on 3 March show ...".
   */
  private static final Pattern METADATA_LINE = Pattern.compile(
      "(?i)^\\W*(?:last updated|updated|posted|first published|published)(?:\\W+\\w+){0,2}\\W*$");
  /** A year on its own, as a model year is written ("the 2018 model", "2012 through 2015 models"), not "in 2016". */
  private static final Pattern LONE_YEAR = Pattern.compile("(?i)(?:the\\s+|a\\s+|through\\s+)?(?:19|20)\\d{2}");
  private static final Pattern MODEL_AFTER = Pattern.compile(
      "^\\s*-?\\s*(?:models?|model-year|style|or (?:earlier|older|newer|later))(?![\\w-])");
  /** "Wilson, John (March 2009)." closing a reference. */
  private static final Pattern CLOSES_REFERENCE = Pattern.compile("^\\)\\W*(?:\\[[^\\]]*\\]\\W*)?$");
  /** "Feb. 23, 2015 -- Life-threatening peanut allergies ...": a dateline before the story's first words. */
  private static final Pattern DATELINE_DASH = Pattern.compile("^\\s*(?:--|\u2014|\u2013)\\s");
  private static final Pattern WORD = Pattern.compile("\\p{L}{2,}");
  private static final Pattern WITH_YEAR = Pattern.compile("\\d{4}");
  /** A line this short besides its date is a byline or a row of a table, not a report. */
  private static final int MIN_OTHER_WORDS = 3;
  private static final int RUNNING_HEADER_REPEATS = 3;

  private NonEventDates() {}

  /** @param sentence {@code [start, end)} of the sentence (or line) holding the date */
  static boolean isNotAnEvent(String text, DateExpression date, int[] sentence) {
    String before = text.substring(Math.min(sentence[0], date.start()), date.start());
    String after = text.substring(date.end(), Math.max(sentence[1], date.end()));
    if (LONE_YEAR.matcher(date.text()).matches() && MODEL_AFTER.matcher(after).find()) {
      return true;
    }
    if (!isBare(text, date)) {
      return false;
    }
    if (REFERENCE_BEFORE.matcher(before).find() || METADATA_LINE.matcher(before).find()
        || before.endsWith("(") && CLOSES_REFERENCE.matcher(after).matches()) {
      return true;
    }
    // a news agency's dateline ("Астана. 31 октября. КазТАГ") gives the day of the report without a year,
    // and that day is the event the report is about; a byline or a table row writes the year
    boolean opensLine = !WORD.matcher(before).find() && WITH_YEAR.matcher(date.text()).find();
    return opensLine && (DATELINE_DASH.matcher(after).find() || countWords(after) < MIN_OTHER_WORDS)
        || isRunningHeader(text, date);
  }

  /** A line a page repeats word for word ("Internet-Draft remoteStorage December 2014") heads or foots its pages. */
  private static boolean isRunningHeader(String text, DateExpression date) {
    int start = text.lastIndexOf('\n', date.start()) + 1;
    int end = text.indexOf('\n', date.end());
    String line = text.substring(start, end < 0 ? text.length() : end);
    int seen = 0;
    for (int i = text.indexOf(line); i >= 0 && seen < RUNNING_HEADER_REPEATS; i = text.indexOf(line, i + line.length())) {
      boolean wholeLine = (i == 0 || text.charAt(i - 1) == '\n')
          && (i + line.length() == text.length() || text.charAt(i + line.length()) == '\n');
      if (wholeLine) {
        seen++;
      }
    }
    return seen >= RUNNING_HEADER_REPEATS;
  }

  /** A date written on its own, beginning with its day, month or year. */
  private static boolean isBare(String text, DateExpression date) {
    char first = text.charAt(date.start());
    return Character.isDigit(first) || DateVocabulary.startsMonthOrWeekday(text, date.start());
  }

  private static int countWords(String s) {
    int n = 0;
    for (var m = WORD.matcher(s); m.find(); ) {
      n++;
    }
    return n;
  }
}
