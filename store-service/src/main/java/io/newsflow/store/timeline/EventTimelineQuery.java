package io.newsflow.store.timeline;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Projections;
import io.newsflow.model.article.DatedEvent;
import io.newsflow.store.mongo.Codecs;
import io.newsflow.store.mongo.Collections;
import io.newsflow.store.mongo.KeyedDocuments;
import io.newsflow.store.mongo.Pages;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.bson.Document;

/**
 * Dated events by event date, newest first, read by {@code _id} from the event bucket pages of each day or month
 * (a month bucket holds events far from their article's publication, see {@link EventTimeline#label}); the events
 * of the refs a page shows are then read from their articles by one {@code _id $in} (see {@link EventTimeline}).
 */
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

  private final MongoCollection<Document> buckets;
  private final MongoCollection<Document> articles;

  public EventTimelineQuery(MongoDatabase db) {
    this.buckets = db.getCollection(Collections.EVENT_BUCKETS);
    this.articles = db.getCollection(Collections.ARTICLES);
  }

  public EventPage page(EventRequest r) {
    String key = r.actor() != null ? TimelineKeys.actor(r.actor()) : r.theme() != null ? TimelineKeys.theme(r.theme()) : TimelineKeys.ALL;
    Document index = KeyedDocuments.load(buckets, List.of(EventTimeline.indexId(key))).get(key);
    if (index == null) {
      return new EventPage(List.of(), null);
    }
    String low = r.from() == null ? "" : r.from().toString();
    String high = r.to() == null ? "~" : r.to().minusDays(1).toString();
    if (r.cursor() != null) {
      String c = LocalDate.ofEpochDay(r.cursor().t()).toString();
      high = c.compareTo(high) < 0 ? c : high;
    }
    // labels by month, newest first: a month bucket ("2022-01", events far from their article's publication)
    // covers its whole month, so each month's refs are sorted together, day buckets and month bucket alike
    String lowMonth = low.isEmpty() ? low : low.substring(0, 7);
    String highMonth = high.equals("~") ? high : high.substring(0, 7);
    TreeMap<String, List<String>> months = new TreeMap<>(Comparator.reverseOrder());
    for (String label : index.get("days", Document.class).keySet()) {
      boolean month = label.length() == 7;
      if (month ? label.compareTo(lowMonth) >= 0 && label.compareTo(highMonth) <= 0
          : label.compareTo(low) >= 0 && label.compareTo(high) <= 0) {
        months.computeIfAbsent(label.substring(0, 7), k -> new ArrayList<>()).add(label);
      }
    }
    // limit + 1 events, the extra one saying whether there is a next page; a ref whose event is gone is skipped
    List<EventItem> taken = new ArrayList<>();
    List<Document> pending = new ArrayList<>();
    List<List<String>> ordered = new ArrayList<>(months.values());
    for (int i = 0; i < ordered.size() && taken.size() <= r.limit(); ) {
      // whole months per read, about DAYS_PER_READ labels
      Map<List<String>, List<String>> pagesByMonth = new LinkedHashMap<>();
      int labels = 0;
      for (; i < ordered.size() && (labels == 0 || labels + ordered.get(i).size() <= DAYS_PER_READ); i++) {
        List<String> pageIds = new ArrayList<>();
        for (String label : ordered.get(i)) {
          pageIds.addAll(Pages.ids(EventTimeline.bucketId(key, label), EventTimeline.storedSlots(index, label), EventTimeline.capOf(index)));
        }
        pagesByMonth.put(ordered.get(i), pageIds);
        labels += ordered.get(i).size();
      }
      List<String> ids = pagesByMonth.values().stream().flatMap(List::stream).toList();
      Map<String, Document> loaded = KeyedDocuments.load(buckets, ids, null, PAGES_PER_READ);
      for (List<String> monthPages : pagesByMonth.values()) {
        List<Document> monthRefs = new ArrayList<>();
        monthPages.stream().map(loaded::get).filter(Objects::nonNull)
            .forEach(page -> monthRefs.addAll(page.getList("items", Document.class)));
        monthRefs.sort(EventTimeline.LATEST_EVENT_FIRST);
        String previous = null;
        for (Document ref : monthRefs) {
          String eventId = ref.getString("eventId");
          // two store instances racing on one article can leave its ref on two pages: shown once
          if (eventId.equals(previous) || !matches(ref, r)) {
            continue;
          }
          previous = eventId;
          pending.add(ref);
          if (taken.size() + pending.size() > r.limit()) {
            resolve(pending, r, taken);
            if (taken.size() > r.limit()) {
              break;
            }
          }
        }
        if (taken.size() > r.limit()) {
          break;
        }
      }
    }
    resolve(pending, r, taken);
    List<EventItem> items = taken.stream().limit(r.limit()).toList();
    String next = null;
    if (taken.size() > r.limit()) {
      EventItem last = items.getLast();
      next = new TimelineCursor(last.start().toEpochDay(), last.eventId()).encode();
    }
    return new EventPage(items, next);
  }

  private static boolean matches(Document ref, EventRequest r) {
    long day = ref.getLong("day");
    if ((r.from() != null && day < r.from().toEpochDay()) || (r.to() != null && day >= r.to().toEpochDay())
        || (r.cursor() != null && !r.cursor().isBefore(day, ref.getString("eventId")))) {
      return false;
    }
    return r.actor() == null || r.theme() == null || ref.getList("themes", String.class, List.of()).contains(r.theme());
  }

  /**
   * Turns the pending refs into events, in their order, and clears them: a full item (a page written before refs)
   * as it is, a ref from its article, read for all of them by one {@code _id $in}. A ref whose article is gone
   * (retention), is now a duplicate, or no longer states that event under that key and day (a revision raced this
   * read, and its new refs are elsewhere) is skipped.
   */
  private void resolve(List<Document> pending, EventRequest r, List<EventItem> taken) {
    if (pending.isEmpty()) {
      return;
    }
    Set<String> articleIds = new LinkedHashSet<>();
    pending.stream().filter(ref -> !ref.containsKey("sentence")).forEach(ref -> articleIds.add(ref.getString("articleId")));
    Map<String, Document> found = articleIds.isEmpty() ? Map.of()
        : KeyedDocuments.load(articles, articleIds, Projections.include("title", "events", "dedupe.verdict"));
    for (Document ref : pending) {
      EventItem item = ref.containsKey("sentence") ? fromFullItem(ref) : fromArticle(ref, found.get(ref.getString("articleId")), r);
      if (item != null) {
        taken.add(item);
      }
    }
    pending.clear();
  }

  private static EventItem fromArticle(Document ref, Document article, EventRequest r) {
    if (article == null || "DUPLICATE".equals(article.get("dedupe", new Document()).getString("verdict"))) {
      return null;
    }
    List<Document> events = article.getList("events", Document.class, List.of());
    int index = EventTimeline.eventIndex(ref.getString("eventId"));
    if (index < 0 || index >= events.size()) {
      return null;
    }
    DatedEvent e = Codecs.value(events.get(index), DatedEvent.class);
    if (e.start().toEpochDay() != ref.getLong("day") || (r.actor() != null && !e.actors().contains(r.actor()))
        || (r.theme() != null && !e.themes().contains(r.theme()))) {
      return null;
    }
    return new EventItem(ref.getString("eventId"), e.start(), e.end(), e.precision().name(), e.expression(), e.sentence(),
        e.actors(), e.themes(), ref.getString("articleId"), article.getString("title"), ref.getString("publishedAt"));
  }

  /** An item of a page written before refs, which holds the event and its article's title itself. */
  private static EventItem fromFullItem(Document d) {
    return new EventItem(d.getString("eventId"), LocalDate.parse(d.getString("start")), LocalDate.parse(d.getString("end")),
        d.getString("precision"), d.getString("expression"), d.getString("sentence"),
        d.getList("actors", String.class), d.getList("themes", String.class), d.getString("articleId"),
        d.getString("articleTitle"), d.getString("publishedAt"));
  }
}
