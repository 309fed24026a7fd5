package io.newsflow.store.timeline;

import static io.newsflow.store.timeline.TimelineMonths.ALL;
import static io.newsflow.store.timeline.TimelineMonths.PAGE_COUNTS;
import static io.newsflow.store.timeline.TimelineMonths.SLOTS;
import static io.newsflow.store.timeline.TimelineMonths.UNIQUE;
import static io.newsflow.store.timeline.TimelineMonths.field;
import static io.newsflow.store.timeline.TimelineMonths.pageCounts;
import static io.newsflow.store.timeline.TimelineMonths.pageField;
import static io.newsflow.store.timeline.TimelineMonths.skeleton;

import com.mongodb.client.model.Updates;
import io.newsflow.store.mongo.KeyedDocuments;
import io.newsflow.store.mongo.Pages;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * How the writer recomputes an hour's counts in a month document (see {@link TimelineMonths}) from the pages it
 * just read back: in memory, on a copy of the stored month, and as the {@code $set}/{@code $unset} updates that
 * make the stored month the same.
 */
final class MonthCounts {

  private MonthCounts() {}

  /** [all, unique] of one hour: its one page's counts, or the sum over the page counts kept for a paged hour. */
  static long[] hourTotals(Document month, String hour, Map<Integer, long[]> freshPages, long slotsNow, int cap,
      List<Bson> updates) {
    Document stored = pageCounts(month, hour);
    if (stored == null && Pages.count(slotsNow, cap) == 1 && freshPages.keySet().equals(Set.of(0))) {
      return new long[] {freshPages.get(0)[0], freshPages.get(0)[1]};
    }
    Document pc = new Document();
    if (stored != null) {
      pc.putAll(stored);
    } else if (!freshPages.containsKey(0)) {
      // the hour had one page until now: its counts are that page's
      pc.put(pageField(0), List.of(count(month, ALL, hour), count(month, UNIQUE, hour)));
      updates.add(Updates.set(PAGE_COUNTS + "." + hour + "." + pageField(0), pc.get(pageField(0))));
    }
    freshPages.forEach((page, n) -> {
      // counts, and the span of the page's ref times for readers (see PagedHour)
      List<Long> value = Arrays.stream(n).boxed().toList();
      pc.put(pageField(page), value);
      updates.add(Updates.set(PAGE_COUNTS + "." + hour + "." + pageField(page), value));
    });
    subDocument(month, PAGE_COUNTS).put(hour, pc);
    long[] totals = new long[2];
    for (Object v : pc.values()) {
      List<?> n = (List<?>) v;
      totals[0] += ((Number) n.get(0)).longValue();
      totals[1] += ((Number) n.get(1)).longValue();
    }
    return totals;
  }

  static void setCount(Document month, List<Bson> updates, String field, String hour, long n) {
    updates.addAll(KeyedDocuments.counts(field, Map.of(hour, n)));
    KeyTotals.putCount(subDocument(month, field), hour, n);
  }

  static long count(Document month, String field, String hour) {
    Number n = field(month, field, hour);
    return n == null ? 0 : n.longValue();
  }

  static Document copyOf(Document stored, String key, String month, boolean days) {
    Document copy = skeleton(key, month, days);
    if (stored != null) {
      for (String field : List.of(ALL, UNIQUE, SLOTS, PAGE_COUNTS)) {
        Document d = stored.get(field, Document.class);
        if (d != null) {
          copy.put(field, new Document(d));
        }
      }
    }
    return copy;
  }

  static Document subDocument(Document month, String field) {
    Document d = month.get(field, Document.class);
    if (d == null) {
      d = new Document();
      month.put(field, d);
    }
    return d;
  }
}
