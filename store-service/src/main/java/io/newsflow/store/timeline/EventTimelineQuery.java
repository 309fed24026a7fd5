package io.newsflow.store.timeline;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import io.newsflow.store.mongo.Collections;
import io.newsflow.store.mongo.KeyedDocuments;
import io.newsflow.store.mongo.Pages;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/** Dated events by event date, newest first, read by {@code _id} from the event bucket pages of each day. */
public final class EventTimelineQuery {

  private static final int DAYS_PER_READ = 31;
  private static final int PAGES_PER_READ = 64;

  /**
   * @param from inclusive first event day or null; {@code to} exclusive
   */
  public record EventRequest(String actor, String theme, LocalDate from, LocalDate to, int limit, TimelineCursor cursor) {}

  /** One dated event with its article. */
  public record EventItem(String eventId, LocalDate start, LocalDate end, String precision, String expression,
      String sentence, List<String> actors, List<String> themes, String articleId, String articleTitle,
      String publishedAt) {}

  public record EventPage(List<EventItem> items, String nextCursor) {}

  private final MongoCollection<org.bson.Document> buckets;

  public EventTimelineQuery(MongoDatabase db) {
    this.buckets = db.getCollection(Collections.EVENT_BUCKETS);
  }

  public EventPage page(EventRequest r) {
    String key = r.actor() != null ? TimelineKeys.actor(r.actor()) : r.theme() != null ? TimelineKeys.theme(r.theme()) : TimelineKeys.ALL;
    org.bson.Document index = KeyedDocuments.load(buckets, List.of(EventTimeline.indexId(key))).get(key);
    if (index == null) {
      return new EventPage(List.of(), null);
    }
    long fromDay = r.from() == null ? Long.MIN_VALUE : r.from().toEpochDay();
    long toDay = r.to() == null ? Long.MAX_VALUE : r.to().toEpochDay();
    String low = r.from() == null ? "" : r.from().toString();
    String high = r.to() == null ? "~" : r.to().minusDays(1).toString();
    if (r.cursor() != null) {
      String c = LocalDate.ofEpochDay(r.cursor().t()).toString();
      high = c.compareTo(high) < 0 ? c : high;
    }
    TreeSet<String> days = new TreeSet<>(Comparator.reverseOrder());
    for (String m : index.get("days", org.bson.Document.class).keySet()) {
      if (m.compareTo(low) >= 0 && m.compareTo(high) <= 0) {
        days.add(m);
      }
    }
    List<org.bson.Document> taken = new ArrayList<>();
    List<String> ordered = new ArrayList<>(days);
    for (int i = 0; i < ordered.size() && taken.size() <= r.limit(); i += DAYS_PER_READ) {
      Map<String, List<String>> pagesByDay = new LinkedHashMap<>();
      for (String day : ordered.subList(i, Math.min(ordered.size(), i + DAYS_PER_READ))) {
        pagesByDay.put(day, Pages.ids(EventTimeline.bucketId(key, day), EventTimeline.storedSlots(index, day), EventTimeline.PAGE_CAP));
      }
      List<String> ids = pagesByDay.values().stream().flatMap(List::stream).toList();
      Map<String, org.bson.Document> loaded = KeyedDocuments.load(buckets, ids, null, PAGES_PER_READ);
      for (List<String> dayPages : pagesByDay.values()) {
        List<org.bson.Document> dayItems = new ArrayList<>();
        dayPages.stream().map(loaded::get).filter(Objects::nonNull)
            .forEach(page -> dayItems.addAll(page.getList("items", org.bson.Document.class)));
        dayItems.sort(EventTimeline.LATEST_EVENT_FIRST);
        for (org.bson.Document item : dayItems) {
          long day = item.getLong("day");
          if (day < fromDay || day >= toDay || (r.cursor() != null && !r.cursor().isBefore(day, item.getString("eventId")))) {
            continue;
          }
          if (r.actor() != null && r.theme() != null && !item.getList("themes", String.class).contains(r.theme())) {
            continue;
          }
          taken.add(item);
          if (taken.size() > r.limit()) {
            break;
          }
        }
        if (taken.size() > r.limit()) {
          break;
        }
      }
    }
    List<EventItem> items = taken.stream().limit(r.limit()).map(EventTimelineQuery::toItem).toList();
    String next = null;
    if (taken.size() > r.limit()) {
      org.bson.Document last = taken.get(r.limit() - 1);
      next = new TimelineCursor(last.getLong("day"), last.getString("eventId")).encode();
    }
    return new EventPage(items, next);
  }

  private static EventItem toItem(org.bson.Document d) {
    return new EventItem(d.getString("eventId"), LocalDate.parse(d.getString("start")), LocalDate.parse(d.getString("end")),
        d.getString("precision"), d.getString("expression"), d.getString("sentence"),
        d.getList("actors", String.class), d.getList("themes", String.class), d.getString("articleId"),
        d.getString("articleTitle"), d.getString("publishedAt"));
  }
}
