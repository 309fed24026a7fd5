package io.newsflow.store.timeline;

import io.newsflow.store.mongo.Pages;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;

/**
 * The month documents, the timeline's directory: per key and month ({@code a:KAZ|2024-09}), per hour label
 * the items in its buckets ({@code all.<hour>}, {@code unique.<hour>}: without duplicates) and, for an hour of
 * more than one page, the bucket slots handed out ({@code slots.<hour>}, see {@link Pages}) and each page's
 * counts and the span of its refs' times ({@code pc.<hour>.p<n>: [all, unique, oldest t, newest t]}), from
 * which the hour's totals are summed without reading its pages and a reader picks the pages a query needs.
 * A month document holds at most 744 hours and one small entry per extra page.
 *
 * <p>Months first written since day buckets existed say {@code layout: "day"} and use day labels
 * ({@code all.2024-09-12}) in all of the above: a key with a few refs an hour then has one page a day, not one
 * an hour, which divides the pages a batch writes (and the month fields) by up to 24. Older months keep hour
 * labels and are written and read as before. The layout of a month is the one of its {@code all} document,
 * which every article is listed under, so every key of a month uses the same labels.
 */
final class TimelineMonths {

  static final String ALL = "all";
  static final String UNIQUE = "unique";
  static final String SLOTS = "slots";
  static final String PAGE_COUNTS = "pc";
  static final String LAYOUT = "layout";
  static final String DAY_LAYOUT = "day";

  private TimelineMonths() {}

  /** A new month document as the writer fills it (before its first write). */
  static Document skeleton(String key, String month, boolean days) {
    Document d = new Document("key", key).append("month", month).append(ALL, new Document()).append(UNIQUE, new Document());
    return days ? d.append(LAYOUT, DAY_LAYOUT) : d;
  }

  /**
   * Whether a month uses day labels, from its {@code all} month document as read: a month not yet written does
   * (its first write marks it), one written before day buckets does not.
   */
  static boolean usesDays(Document allMonth) {
    return allMonth == null || DAY_LAYOUT.equals(allMonth.getString(LAYOUT));
  }

  /** The bucket label of an hour ("2024-09-12T07") in a month of the given layout. */
  static String label(String hour, boolean days) {
    return days ? hour.substring(0, 10) : hour;
  }

  /**
   * Slots handed out in the hour's buckets. An hour of one page keeps none (nor did months written before
   * paging): its one bucket holds all of the hour's items, so their count stands in, and a new ref goes to
   * page 0 while that count is below the cap.
   */
  static long slots(Document month, String hour) {
    if (month == null) {
      return 0;
    }
    Number n = field(month, SLOTS, hour);
    if (n == null) {
      n = field(month, ALL, hour);
    }
    return n == null ? 0 : n.longValue();
  }

  /** The ids of every bucket page of {@code key} in {@code hour}. */
  static List<String> pageIds(Document month, String key, String hour, int cap) {
    String base = TimelineKeys.bucketId(key, hour);
    Number stored = field(month, SLOTS, hour);
    return stored == null ? List.of(base) : Pages.ids(base, stored.longValue(), cap);
  }

  /** Every bucket page of {@code key} in {@code hour}, with the span of its refs' times where the month keeps it. */
  static List<PagedHour.Page> pages(Document month, String key, String hour, int cap) {
    Document counts = pageCounts(month, hour);
    List<PagedHour.Page> pages = new ArrayList<>();
    List<String> ids = pageIds(month, key, hour, cap);
    for (int p = 0; p < ids.size(); p++) {
      List<?> c = counts == null ? null : counts.getList(pageField(p), Object.class);
      boolean bounded = c != null && c.size() >= 4;
      pages.add(new PagedHour.Page(ids.get(p), bounded ? ((Number) c.get(2)).longValue() : Long.MIN_VALUE,
          bounded ? ((Number) c.get(3)).longValue() : Long.MAX_VALUE));
    }
    return pages;
  }

  /** Hour labels of one day ({@code 2024-09-12}) that have buckets, from the month of that day. */
  static List<String> hoursOfDay(Document month, String day) {
    List<String> hours = new ArrayList<>();
    for (String field : List.of(SLOTS, ALL)) {
      Document d = month.get(field, Document.class);
      if (d != null) {
        d.keySet().stream().filter(h -> h.startsWith(day) && !hours.contains(h)).forEach(hours::add);
      }
    }
    return hours;
  }

  /** Page counts of an hour of several pages: {@code p<n> -> [all, unique]}, or null for an hour of one page. */
  static Document pageCounts(Document month, String hour) {
    Document pc = month == null ? null : month.get(PAGE_COUNTS, Document.class);
    return pc == null ? null : pc.get(hour, Document.class);
  }

  static String pageField(int page) {
    return "p" + page;
  }

  static Number field(Document month, String parent, String name) {
    Document d = month.get(parent, Document.class);
    return d == null ? null : d.get(name, Number.class);
  }
}
