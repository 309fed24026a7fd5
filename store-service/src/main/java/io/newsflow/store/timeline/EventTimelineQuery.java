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
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.bson.Document;

/**
 * Dated events by event date, newest first, read by {@code _id} from the event bucket pages of each key and label
 * (a part of a month, a month, a year, or a day of earlier versions, see {@link EventLabels}), month by month; the
 * events of the refs a page shows are then read from their articles by one {@code _id $in} (see {@link EventTimeline}).
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
    // month by month, newest first: a month's labels (parts, days, the month itself) and its year's bucket cover
    // its days in no order between them, so each month's refs are sorted together before any is emitted
    List<EventLabels.MonthGroup> walk = EventLabels.walk(index.get("days", Document.class).keySet(), low, high);
    // refs of the year buckets read so far, by month of their event day; a year bucket is read once per request
    Map<String, Map<String, List<Document>>> yearRefs = new HashMap<>();
    // limit + 1 events, the extra one saying whether there is a next page; a ref whose event is gone is skipped
    List<EventItem> taken = new ArrayList<>();
    List<Document> pending = new ArrayList<>();
    for (int i = 0; i < walk.size() && taken.size() <= r.limit(); ) {
      // whole months per read, until they hold the refs still wanted (by the slots the index lists) or about
      // DAYS_PER_READ labels: a month of coarse labels (parts, a month) can hold as many refs as a year of sparse ones
      List<EventLabels.MonthGroup> read = new ArrayList<>();
      List<String> ids = new ArrayList<>();
      Set<String> yearsRead = new LinkedHashSet<>();
      int labels = 0;
      long refs = 0;
      long wanted = r.limit() + 1L - taken.size() - pending.size();
      for (; i < walk.size(); i++) {
        EventLabels.MonthGroup month = walk.get(i);
        boolean newYear = month.year() != null && !yearRefs.containsKey(month.year()) && !yearsRead.contains(month.year());
        int cost = month.labels().size() + (newYear ? 1 : 0);
        if (labels > 0 && (labels + cost > DAYS_PER_READ || refs >= wanted)) {
          break;
        }
        for (String label : month.labels()) {
          ids.addAll(pageIds(index, key, label));
          refs += EventTimeline.storedSlots(index, label);
        }
        if (newYear) {
          yearsRead.add(month.year());
          ids.addAll(pageIds(index, key, month.year()));
          refs += EventTimeline.storedSlots(index, month.year());
        }
        read.add(month);
        labels += cost;
      }
      Map<String, Document> loaded = KeyedDocuments.load(buckets, ids, null, PAGES_PER_READ);
      for (String year : yearsRead) {
        Map<String, List<Document>> byMonth = new HashMap<>();
        refsOf(pageIds(index, key, year), loaded).forEach(ref ->
            byMonth.computeIfAbsent(LocalDate.ofEpochDay(ref.getLong("day")).toString().substring(0, 7), k -> new ArrayList<>()).add(ref));
        yearRefs.put(year, byMonth);
      }
      for (EventLabels.MonthGroup month : read) {
        List<Document> monthRefs = new ArrayList<>();
        month.labels().forEach(label -> monthRefs.addAll(refsOf(pageIds(index, key, label), loaded)));
        if (month.year() != null) {
          monthRefs.addAll(yearRefs.get(month.year()).getOrDefault(month.month(), List.of()));
        }
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

  private static List<String> pageIds(Document index, String key, String label) {
    return Pages.ids(EventTimeline.bucketId(key, label), EventTimeline.storedSlots(index, label), EventTimeline.capOf(index));
  }

  private static List<Document> refsOf(List<String> pageIds, Map<String, Document> loaded) {
    List<Document> refs = new ArrayList<>();
    pageIds.stream().map(loaded::get).filter(Objects::nonNull).forEach(page -> refs.addAll(page.getList("items", Document.class)));
    return refs;
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
