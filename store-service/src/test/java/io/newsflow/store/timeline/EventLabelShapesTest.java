package io.newsflow.store.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.newsflow.model.article.DatedEvent;
import io.newsflow.model.article.EnrichedArticle;
import io.newsflow.store.Articles;
import io.newsflow.store.article.ArticleWriter;
import io.newsflow.store.mongo.Collections;
import io.newsflow.store.mongo.InMemoryMongo;
import io.newsflow.store.mongo.Indexes;
import io.newsflow.store.mongo.Pages;
import io.newsflow.store.timeline.EventTimelineQuery.EventItem;
import io.newsflow.store.timeline.EventTimelineQuery.EventPage;
import io.newsflow.store.timeline.EventTimelineQuery.EventRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A store whose event pages were written by the day-or-month rule of before (near events under their day, others
 * under their month) answers every event query exactly as a store written by the current rule (month parts, months,
 * years), also after both took more first versions and revisions, some of them without item documents (a batch cut
 * short); and both answer what the articles themselves say: every event of the latest versions of non-duplicates,
 * newest day first, then event id, through every cursor.
 */
class EventLabelShapesTest {

  static final Instant START = Instant.parse("2024-09-01T00:00:00Z");
  static final String[] ACTORS = {"KAZ", "RUS", "CHN", "UZB", "org.csto"};
  static final String[] THEMES = {"unrest", "energy-transit", "military-exercises"};

  @RegisterExtension
  static final InMemoryMongo mongo = new InMemoryMongo();

  MongoDatabase current;
  MongoDatabase before;

  @BeforeEach
  void connect() {
    current = database();
    before = database();
  }

  @AfterEach
  void drop() {
    current.drop();
    before.drop();
  }

  private static MongoDatabase database() {
    MongoDatabase db = mongo.client().getDatabase("shape" + UUID.randomUUID().toString().replace("-", "").substring(0, 12));
    Indexes.ensure(db);
    return db;
  }

  private static ArticleWriter writer(MongoDatabase db) {
    return new ArticleWriter(db, List.of(new EventTimeline(db)), Clock.fixed(START.plus(Duration.ofDays(60)), ZoneOffset.UTC));
  }

  @Test
  void pagesOfTheDayOrMonthRuleAnswerAsTheCurrentRulesAlsoAfterRevisionsAndBatchesCutShort() {
    Map<String, EnrichedArticle> latest = new LinkedHashMap<>();
    for (int b = 0; b < 3; b++) {
      List<EnrichedArticle> batch = new ArrayList<>();
      for (int i = 40 * b; i < 40 * b + 40; i++) {
        batch.add(article(i, 1));
      }
      write(batch, latest);
    }
    rewriteToTheDayOrMonthRule(before, latest);
    assertThat(labels(before)).anyMatch(l -> EventLabels.kind(l) == EventLabels.Kind.DAY)
        .noneMatch(l -> EventLabels.kind(l) == EventLabels.Kind.PART || EventLabels.kind(l) == EventLabels.Kind.YEAR);
    assertThat(labels(current)).anyMatch(l -> EventLabels.kind(l) == EventLabels.Kind.PART)
        .anyMatch(l -> EventLabels.kind(l) == EventLabels.Kind.YEAR).noneMatch(l -> EventLabels.kind(l) == EventLabels.Kind.DAY);

    // revisions of 20 stored articles (other events, dates and actors), five of them with their item documents gone
    List<EnrichedArticle> next = new ArrayList<>();
    for (int i = 0; i < 100; i += 5) {
      next.add(article(i, 2));
    }
    for (int i = 120; i < 160; i++) {
      next.add(article(i, 1));
    }
    for (MongoDatabase db : List.of(current, before)) {
      db.getCollection(Collections.TIMELINE_ITEMS).deleteMany(Filters.in("_id", next.subList(0, 5).stream().map(EnrichedArticle::articleId).toList()));
    }
    write(next, latest);

    List<EventRequest> requests = List.of(
        new EventRequest(null, null, null, null, 7, null),
        new EventRequest("KAZ", null, null, null, 7, null),
        new EventRequest(null, "unrest", null, null, 7, null),
        new EventRequest("RUS", "energy-transit", null, null, 5, null),
        new EventRequest(null, null, LocalDate.parse("2024-08-25"), LocalDate.parse("2024-10-10"), 7, null),
        new EventRequest("CHN", null, LocalDate.parse("2024-09-03"), LocalDate.parse("2024-09-09"), 3, null),
        new EventRequest("UZB", null, LocalDate.parse("1990-01-01"), LocalDate.parse("2022-06-01"), 4, null),
        new EventRequest(null, "military-exercises", LocalDate.parse("2026-01-01"), null, 4, null));
    for (EventRequest r : requests) {
      List<EventItem> walked = walk(new EventTimelineQuery(current), r);
      assertThat(walked).as("%s", r).extracting(EventItem::eventId).containsExactlyElementsOf(expected(latest, r));
      assertThat(walk(new EventTimelineQuery(before), r)).as("%s", r).containsExactlyElementsOf(walked);
    }
    // the revised articles' earlier refs are gone from the pages of either rule: one ref per event and key is left
    for (EnrichedArticle revised : next.subList(0, 20)) {
      long keys = revised.events().stream().mapToLong(e -> 1 + e.actors().stream().distinct().count() + e.themes().stream().distinct().count()).sum();
      assertThat(refsOf(before, revised.articleId())).as(revised.articleId()).hasSize((int) keys);
      assertThat(refsOf(current, revised.articleId())).as(revised.articleId()).hasSize((int) keys);
    }
  }

  private void write(List<EnrichedArticle> batch, Map<String, EnrichedArticle> latest) {
    writer(current).write(batch);
    writer(before).write(batch);
    batch.forEach(a -> latest.put(a.articleId(), a));
  }

  /** Article n, published every 7 hours from 1 September 2024, with 0-5 events near, months and decades away. */
  static EnrichedArticle article(int n, int revision) {
    Random random = new Random(n * 7919L + revision);
    Instant published = START.plus(Duration.ofHours(7L * n));
    Articles a = Articles.article("2024/corridor-" + n).publishedAt(published.toString()).revision(revision)
        .occurredAt(published.plus(Duration.ofMinutes(10L * revision)).toString()).title("Caspian report " + n + " r" + revision);
    List<String> actors = new ArrayList<>(new LinkedHashSet<>(List.of(ACTORS[random.nextInt(ACTORS.length)],
        ACTORS[random.nextInt(ACTORS.length)], ACTORS[random.nextInt(ACTORS.length)])));
    actors.forEach(id -> a.actor(id, id, "STATE", 0.8));
    String theme = THEMES[random.nextInt(THEMES.length)];
    a.theme(theme, theme, 2.0, "evidence");
    LocalDate day = LocalDate.ofInstant(published, ZoneOffset.UTC);
    for (int e = random.nextInt(6); e > 0; e--) {
      double where = random.nextDouble();
      LocalDate start = where < 0.45 ? day.minusDays(random.nextInt(32)) : where < 0.55 ? day.plusDays(1 + random.nextInt(31))
          : where < 0.75 ? day.minusDays(32 + random.nextInt(400)) : where < 0.95 ? day.minusYears(2 + random.nextInt(30)).minusDays(random.nextInt(365))
          : day.plusYears(2 + random.nextInt(3));
      List<String> named = actors.subList(0, 1 + random.nextInt(actors.size()));
      a.event(start.toString(), "Report " + n + " states an event on " + start + ".", named, random.nextBoolean() ? List.of(theme) : List.of());
    }
    if (n % 15 == 14) {
      a.duplicateOf(Articles.article("2024/corridor-" + (n - 1)).id());
    }
    return a.build();
  }

  /** Every event of the latest versions of non-duplicates that the request asks for, newest first. */
  static List<String> expected(Map<String, EnrichedArticle> latest, EventRequest r) {
    record Row(String eventId, LocalDate start) {}
    List<Row> rows = new ArrayList<>();
    for (EnrichedArticle a : latest.values()) {
      if (a.dedupe().isDuplicate()) {
        continue;
      }
      for (int i = 0; i < a.events().size(); i++) {
        DatedEvent e = a.events().get(i);
        if ((r.actor() == null || e.actors().contains(r.actor())) && (r.theme() == null || e.themes().contains(r.theme()))
            && (r.from() == null || !e.start().isBefore(r.from())) && (r.to() == null || e.start().isBefore(r.to()))) {
          rows.add(new Row(a.articleId() + ":" + i, e.start()));
        }
      }
    }
    rows.sort(Comparator.comparing(Row::start).thenComparing(Row::eventId).reversed());
    return rows.stream().map(Row::eventId).toList();
  }

  static List<EventItem> walk(EventTimelineQuery query, EventRequest first) {
    List<EventItem> all = new ArrayList<>();
    EventRequest r = first;
    for (int pages = 0; pages < 500; pages++) {
      EventPage page = query.page(r);
      assertThat(page.items().size()).isLessThanOrEqualTo(r.limit());
      all.addAll(page.items());
      if (page.nextCursor() == null) {
        return all;
      }
      assertThat(page.items()).hasSize(r.limit());
      r = new EventRequest(r.actor(), r.theme(), r.from(), r.to(), r.limit(), TimelineCursor.decode(page.nextCursor()));
    }
    throw new AssertionError("no last page after 500");
  }

  /**
   * The store as the day-or-month rule wrote it: every ref moved to its bucket under that rule (a key's pages of a
   * label numbered from 0 at the cap), each key's index listing those labels, and each item document's footprint
   * listing those buckets.
   */
  static void rewriteToTheDayOrMonthRule(MongoDatabase db, Map<String, EnrichedArticle> latest) {
    MongoCollection<Document> buckets = db.getCollection(Collections.EVENT_BUCKETS);
    Map<String, List<Document>> refs = new LinkedHashMap<>();
    Set<String> keys = new LinkedHashSet<>();
    for (Document page : buckets.find()) {
      if ("index".equals(page.getString("kind"))) {
        keys.add(page.getString("_id"));
        continue;
      }
      for (Document ref : page.getList("items", Document.class)) {
        LocalDate published = LocalDate.ofInstant(Instant.parse(ref.getString("publishedAt")), ZoneOffset.UTC);
        String label = EventLabels.dayOrMonthLabel(LocalDate.ofEpochDay(ref.getLong("day")), published);
        refs.computeIfAbsent(EventTimeline.bucketId(page.getString("key"), label), k -> new ArrayList<>()).add(ref);
      }
    }
    buckets.deleteMany(new Document());
    Map<String, Document> days = new LinkedHashMap<>();
    keys.forEach(k -> days.put(k, new Document()));
    refs.forEach((bucket, list) -> {
      String key = EventTimeline.keyOf(bucket);
      for (int p = 0; p * EventTimeline.PAGE_CAP < list.size(); p++) {
        buckets.insertOne(new Document("_id", Pages.id(bucket, p)).append("key", key).append("day", EventTimeline.dayOf(bucket))
            .append("page", p).append("items", list.subList(p * EventTimeline.PAGE_CAP, Math.min(list.size(), (p + 1) * EventTimeline.PAGE_CAP))));
      }
      days.get(key).append(EventTimeline.dayOf(bucket), (long) list.size());
    });
    days.forEach((key, labels) -> buckets.insertOne(new Document("_id", key).append("kind", "index").append("cap", EventTimeline.PAGE_CAP)
        .append("days", labels)));
    for (EnrichedArticle a : latest.values()) {
      Set<String> ids = new LinkedHashSet<>();
      LocalDate published = EventTimeline.publishedDay(a);
      for (DatedEvent e : a.events()) {
        String label = EventLabels.dayOrMonthLabel(e.start(), published);
        ids.add(EventTimeline.bucketId(TimelineKeys.ALL, label));
        e.actors().forEach(x -> ids.add(EventTimeline.bucketId(TimelineKeys.actor(x), label)));
        e.themes().forEach(t -> ids.add(EventTimeline.bucketId(TimelineKeys.theme(t), label)));
      }
      db.getCollection(Collections.TIMELINE_ITEMS).updateOne(Filters.eq("_id", a.articleId()),
          Updates.set("footprint.eventBuckets", List.copyOf(ids)));
    }
  }

  private static Set<String> labels(MongoDatabase db) {
    Set<String> labels = new LinkedHashSet<>();
    db.getCollection(Collections.EVENT_BUCKETS).find(Filters.eq("kind", "index"))
        .forEach(index -> labels.addAll(index.get("days", Document.class).keySet()));
    return labels;
  }

  private static List<Document> refsOf(MongoDatabase db, String articleId) {
    List<Document> refs = new ArrayList<>();
    for (Document page : db.getCollection(Collections.EVENT_BUCKETS).find(Filters.exists("items"))) {
      page.getList("items", Document.class).stream().filter(d -> articleId.equals(d.getString("articleId"))).forEach(refs::add);
    }
    return refs;
  }
}
