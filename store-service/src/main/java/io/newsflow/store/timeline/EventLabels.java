package io.newsflow.store.timeline;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The labels of event buckets: which span of event days a bucket of a key covers, decided from the event and its
 * article alone (so a replay or revision finds exactly the buckets its version wrote), and which labels a read of a
 * day range must take. Four kinds, told apart by their form, all readable side by side in one key's index:
 * <ul>
 *   <li>part of a month, {@code 2024-09/2} (days 8-14; parts 1-3 are 7 days each, part 4 the 22nd to the month's end):
 *   events within {@value #NEAR_DAYS} days of their article's publication, where most of a burst's events fall;</li>
 *   <li>month, {@code 2024-09}: other events of the article's calendar year, the year before or the year after;</li>
 *   <li>year, {@code 2022}: events {@value #YEAR_LABEL_YEARS} or more calendar years from the publication;</li>
 *   <li>day, {@code 2024-09-10}: written by earlier versions for near events (and for every event before month
 *   buckets), read as they are.</li>
 * </ul>
 * Why coarser than days: a batch of 500 articles with 12 events each wrote ~4,800 event pages, ~4 refs each, and the
 * embedded server copies and rewrites a whole page per update; a key's events of one batch spread over ~22 near days
 * and, for history, over hundreds of months, but over few month parts and years (see {@code BENCHMARKS.md},
 * "Event buckets by month part and year"). A read sorts a month's refs together anyway, so a walk costs no more pages
 * than with days; a range of a day or two reads its whole part (up to 7 days of a busy key: the price of the cut, and
 * why near events do not go to their month); a year bucket is read once with its year's months.
 */
public final class EventLabels {

  /** Days from publication within which an event goes to a part of its month (earlier: to its day). */
  public static final int NEAR_DAYS = 31;
  /** Calendar years between an event and its article's publication from which the event goes to its year. */
  static final int YEAR_LABEL_YEARS = 2;

  /** Kinds of label, by the span of days they cover. */
  public enum Kind { DAY, PART, MONTH, YEAR }

  private EventLabels() {}

  /** The label the writer uses for an event starting on {@code start} in an article published on {@code published}. */
  public static String label(LocalDate start, LocalDate published) {
    if (Math.abs(start.getYear() - published.getYear()) >= YEAR_LABEL_YEARS) {
      return year(start);
    }
    return distance(start, published) <= NEAR_DAYS ? part(start) : month(start);
  }

  /** The label of the rule before this one (27 Nov 2026): the day near the publication, else the month. */
  public static String dayOrMonthLabel(LocalDate start, LocalDate published) {
    return distance(start, published) <= NEAR_DAYS ? start.toString() : month(start);
  }

  /** Days between an event's start and its article's publication, either way. */
  public static long distance(LocalDate start, LocalDate published) {
    return Math.abs(start.toEpochDay() - published.toEpochDay());
  }

  public static String month(LocalDate d) {
    return d.toString().substring(0, 7);
  }

  public static String year(LocalDate d) {
    return d.toString().substring(0, 4);
  }

  public static String part(LocalDate d) {
    return month(d) + "/" + (Math.min(3, (d.getDayOfMonth() - 1) / 7) + 1);
  }

  /** The kind of a label by its form; null for one this code does not know (it is then not read). */
  public static Kind kind(String label) {
    return switch (label.length()) {
      case 10 -> Kind.DAY;
      case 9 -> label.charAt(7) == '/' ? Kind.PART : null;
      case 7 -> Kind.MONTH;
      case 4 -> label.chars().allMatch(Character::isDigit) ? Kind.YEAR : null;
      default -> null;
    };
  }

  /** First day of a label's span, as ISO text (which compares as text in date order). */
  static String firstDay(String label, Kind kind) {
    return switch (kind) {
      case DAY -> label;
      case PART -> label.substring(0, 7) + "-" + String.format("%02d", 1 + 7 * (label.charAt(8) - '1'));
      case MONTH -> label + "-01";
      case YEAR -> label + "-01-01";
    };
  }

  /** Last day of a label's span as text; days past a month's end ("-31") are fine for comparing. */
  static String lastDay(String label, Kind kind) {
    return switch (kind) {
      case DAY -> label;
      case PART -> label.charAt(8) == '4' ? label.substring(0, 7) + "-31" : label.substring(0, 7) + "-" + String.format("%02d", 7 * (label.charAt(8) - '0'));
      case MONTH -> label + "-31";
      case YEAR -> label + "-12-31";
    };
  }

  /**
   * One month of a walk, newest first: the labels within the month that cover days in range (day, part, month), and
   * the year label of its year when that year has a bucket in range. Its refs are sorted together: the year bucket's
   * refs of this month with those of its own labels.
   */
  record MonthGroup(String month, List<String> labels, String year) {}

  /**
   * The months a read of event days {@code low .. high} (ISO days as text, inclusive; "" and "~" for no bound) walks,
   * newest first, from the labels of a key's index. A month with only a year bucket is walked too (its refs may be
   * there); a label of a kind this code does not know is left out.
   */
  static List<MonthGroup> walk(Collection<String> labels, String low, String high) {
    TreeMap<String, List<String>> months = new TreeMap<>();
    List<String> years = new ArrayList<>();
    for (String label : labels) {
      Kind kind = kind(label);
      if (kind == null || lastDay(label, kind).compareTo(low) < 0 || firstDay(label, kind).compareTo(high) > 0) {
        continue;
      }
      if (kind == Kind.YEAR) {
        years.add(label);
      } else {
        months.computeIfAbsent(label.substring(0, 7), k -> new ArrayList<>()).add(label);
      }
    }
    Map<String, String> yearOfMonth = new TreeMap<>();
    for (String year : years) {
      for (int m = 1; m <= 12; m++) {
        String month = YearMonth.of(Integer.parseInt(year), m).toString();
        if ((month + "-31").compareTo(low) >= 0 && (month + "-01").compareTo(high) <= 0) {
          months.computeIfAbsent(month, k -> new ArrayList<>());
          yearOfMonth.put(month, year);
        }
      }
    }
    List<MonthGroup> walk = new ArrayList<>(months.size());
    months.descendingMap().forEach((month, own) -> walk.add(new MonthGroup(month, own, yearOfMonth.get(month))));
    return walk;
  }
}
