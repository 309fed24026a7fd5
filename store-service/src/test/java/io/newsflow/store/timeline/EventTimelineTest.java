package io.newsflow.store.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.newsflow.model.article.EnrichedArticle;
import io.newsflow.store.Articles;
import io.newsflow.store.mongo.Collections;
import io.newsflow.store.timeline.EventTimelineQuery.EventItem;
import io.newsflow.store.timeline.EventTimelineQuery.EventPage;
import io.newsflow.store.timeline.EventTimelineQuery.EventRequest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/**
 * The event read model's rules: pages hold compact refs, the events are read from their articles, revisions and
 * replays leave exactly the latest version's refs, pages written before refs (full items) still read.
 */
class EventTimelineTest extends EventStoreTest {

  @Override
  Instant now() {
    return Instant.parse("2024-09-12T09:00:00Z");
  }

  static Articles anniversary(int revision) {
    return Articles.article("2024/01/qandy-qantar-anniversary").publishedAt("2024-01-05T09:00:00Z").revision(revision)
        .occurredAt("2024-01-05T09:0" + revision + ":00Z")
        .title("Two years after Qandy Qantar, families still wait for answers")
        .actor("KAZ", "Kazakhstan", "STATE", 0.9).actor("org.csto", "CSTO", "ALLIANCE", 0.5)
        .theme("unrest", "Unrest", 2.0, "protests").theme("peacekeeping", "Peacekeeping", 1.5, "peacekeepers");
  }

  @Test
  void aRevisionThatDropsAndChangesEventsLeavesOnlyTheNewVersionsEvents() {
    writer.write(List.of(anniversary(1)
        .event("2022-01-02", "Protests began in Zhanaozen on January 2, 2022.", List.of("KAZ"), List.of("unrest"))
        .event("2022-01-06", "CSTO troops landed in Almaty on January 6, 2022.", List.of("KAZ", "org.csto"), List.of("peacekeeping"))
        .build()));
    // the editor corrected the date of the first event and cut the CSTO paragraph
    EnrichedArticle revised = anniversary(2)
        .event("2022-01-04", "Protests spread to Almaty on January 4, 2022.", List.of("KAZ"), List.of("unrest")).build();
    writer.write(List.of(revised));

    assertThat(events.page(new EventRequest("KAZ", null, null, null, 50, null)).items())
        .extracting(EventItem::start, EventItem::sentence)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(LocalDate.parse("2022-01-04"), "Protests spread to Almaty on January 4, 2022."));
    assertThat(events.page(new EventRequest("org.csto", null, null, null, 50, null)).items()).isEmpty();
    assertThat(events.page(new EventRequest(null, "peacekeeping", null, null, 50, null)).items()).isEmpty();
    // the pages themselves hold only the new version's refs: all, KAZ and unrest for its one event
    assertThat(storedRefs(revised.articleId())).extracting(d -> d.getString("eventId") + "@" + d.getLong("day"))
        .containsExactlyInAnyOrder(revised.articleId() + ":0@" + LocalDate.parse("2022-01-04").toEpochDay(),
            revised.articleId() + ":0@" + LocalDate.parse("2022-01-04").toEpochDay(),
            revised.articleId() + ":0@" + LocalDate.parse("2022-01-04").toEpochDay());
  }

  @Test
  void aReplayedBatchAndABatchCutShortBeforeItsItemsLeaveOneRefPerEventAndKey() {
    List<EnrichedArticle> batch = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      batch.add(Articles.article("2024/09/drills-" + i).publishedAt("2024-09-12T0" + i + ":30:00Z")
          .title("Joint drills at Matybulak, day " + i).actor("KAZ", "Kazakhstan", "STATE", 0.9).actor("RUS", "Russia", "STATE", 0.7)
          .theme("military-exercises", "Military exercises", 2.5, "joint exercises")
          .event("2024-09-10", "Troops began exercises on September 10, 2024.", List.of("KAZ", "RUS"), List.of("military-exercises"))
          .event("2024-09-1" + (i + 1), "Observers from Kyrgyzstan arrived the next day.", List.of("KAZ"), List.of()).build());
    }
    writer.write(batch);
    writer.write(batch); // a replay after a rebalance
    // a batch cut short after the read models and before the item documents: applied again in full
    db.getCollection(Collections.TIMELINE_ITEMS).deleteMany(new Document());
    writer.write(batch);

    for (EnrichedArticle e : batch) {
      // event 0 under all, KAZ, RUS and military-exercises; event 1 under all and KAZ
      assertThat(storedRefs(e.articleId())).hasSize(6);
    }
    // two store instances racing on one article (one inserted it, the other lost the insert) can leave a ref twice
    MongoCollection<Document> buckets = db.getCollection(Collections.EVENT_BUCKETS);
    String page = "a:KAZ|" + EventTimeline.label(LocalDate.parse("2024-09-10"), LocalDate.parse("2024-09-12"));
    Document twice = buckets.find(Filters.eq("_id", page)).first().getList("items", Document.class).getFirst();
    buckets.updateOne(Filters.eq("_id", page), Updates.push("items", twice));
    List<EventItem> kaz = events.page(new EventRequest("KAZ", null, null, null, 50, null)).items();
    assertThat(kaz).hasSize(6).extracting(EventItem::eventId).doesNotHaveDuplicates();
    assertThat(kaz.getLast().articleTitle()).startsWith("Joint drills at Matybulak");
  }

  @Test
  void filtersByActorAndThemeAndDateRangeAndPagesByCursorNewestEventFirst() {
    List<EnrichedArticle> batch = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      batch.add(Articles.article("2024/09/pipeline-" + i).publishedAt("2024-09-1" + i + "T10:00:00Z")
          .title("Caspian Pipeline Consortium report " + i).actor("KAZ", "Kazakhstan", "STATE", 0.9).actor("RUS", "Russia", "STATE", 0.8)
          .theme("energy-transit", "Energy transit", 2.0, "pipeline").theme("sanctions", "Sanctions", 1.0, "sanctions")
          .event("2024-08-0" + (i + 1), "Loadings at Novorossiysk were halted on August " + (i + 1) + ".", List.of("KAZ", "RUS"),
              List.of("energy-transit"))
          .event("2024-08-1" + i, "Washington extended sanctions on August 1" + i + ".", List.of("RUS"), List.of("sanctions"))
          .event("2023-05-0" + (i + 1), "Kazakhstan rerouted oil in May 2023.", List.of("KAZ"), List.of("energy-transit", "sanctions"))
          .build());
    }
    writer.write(batch);

    // KAZ + sanctions: only the 2023 events name both
    assertThat(events.page(new EventRequest("KAZ", "sanctions", null, null, 50, null)).items())
        .extracting(EventItem::start).containsExactly(LocalDate.parse("2023-05-06"), LocalDate.parse("2023-05-05"),
            LocalDate.parse("2023-05-04"), LocalDate.parse("2023-05-03"), LocalDate.parse("2023-05-02"), LocalDate.parse("2023-05-01"));
    // RUS + energy-transit in August 2024, two a page, following the cursor
    List<LocalDate> seen = new ArrayList<>();
    EventPage page = events.page(new EventRequest("RUS", "energy-transit", LocalDate.parse("2024-08-02"), LocalDate.parse("2024-08-06"), 2, null));
    seen.addAll(page.items().stream().map(EventItem::start).toList());
    int pages = 1;
    while (page.nextCursor() != null) {
      page = events.page(new EventRequest("RUS", "energy-transit", LocalDate.parse("2024-08-02"), LocalDate.parse("2024-08-06"), 2,
          TimelineCursor.decode(page.nextCursor())));
      seen.addAll(page.items().stream().map(EventItem::start).toList());
      pages++;
    }
    assertThat(seen).containsExactly(LocalDate.parse("2024-08-05"), LocalDate.parse("2024-08-04"), LocalDate.parse("2024-08-03"),
        LocalDate.parse("2024-08-02"));
    assertThat(pages).isEqualTo(2);
    EventItem first = events.page(new EventRequest(null, "sanctions", LocalDate.parse("2024-08-15"), null, 1, null)).items().getFirst();
    assertThat(first).isEqualTo(new EventItem(batch.get(5).articleId() + ":1", LocalDate.parse("2024-08-15"), LocalDate.parse("2024-08-15"),
        "DAY", "2024-08-15", "Washington extended sanctions on August 15.", List.of("RUS"), List.of("sanctions"),
        batch.get(5).articleId(), "Caspian Pipeline Consortium report 5", "2024-09-15T10:00:00Z"));
  }

  @Test
  void aRefWhoseArticleNoLongerStatesTheEventIsSkippedAndThePageStillFills() {
    List<EnrichedArticle> batch = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      batch.add(Articles.article("2024/09/border-" + i).publishedAt("2024-09-12T0" + i + ":00:00Z").title("Border post report " + i)
          .actor("KGZ", "Kyrgyzstan", "STATE", 0.9).theme("border-security", "Border security", 2.0, "border guards")
          .event("2024-09-0" + (i + 1), "Border guards exchanged fire on September " + (i + 1) + ".", List.of("KGZ"), List.of("border-security"))
          .build());
    }
    writer.write(batch);
    // a revision's article document is written before its read models: a read in between sees the new events
    db.getCollection(Collections.ARTICLES).updateOne(Filters.eq("_id", batch.get(3).articleId()), Updates.set("events", List.of()));

    EventPage page = events.page(new EventRequest("KGZ", null, null, null, 2, null));
    assertThat(page.items()).extracting(EventItem::start).containsExactly(LocalDate.parse("2024-09-03"), LocalDate.parse("2024-09-02"));
    assertThat(page.nextCursor()).isNotNull();
  }

  @Test
  void pagesWrittenBeforeRefsStillReadBesideNewRefsAndARevisionReplacesTheirItems() {
    EnrichedArticle fresh = Articles.article("2024/09/summit").publishedAt("2024-09-12T08:00:00Z").title("SCO summit in Astana")
        .actor("KAZ", "Kazakhstan", "STATE", 0.9).theme("alliance-politics", "Alliance politics", 2.0, "summit")
        .event("2024-07-04", "Leaders met in Astana on July 4, 2024.", List.of("KAZ"), List.of("alliance-politics")).build();
    Articles legacy = Articles.article("2024/07/sco").publishedAt("2024-07-05T06:00:00Z").title("SCO leaders sign Astana declaration")
        .actor("KAZ", "Kazakhstan", "STATE", 0.9).theme("alliance-politics", "Alliance politics", 2.0, "summit")
        .event("2024-07-04", "The declaration was signed on July 4.", List.of("KAZ"), List.of("alliance-politics"));
    writer.write(List.of(fresh, legacy.build()));
    // the legacy article as the code of before stored it: full items in its pages, the event's text in each
    MongoCollection<Document> buckets = db.getCollection(Collections.EVENT_BUCKETS);
    long day = LocalDate.parse("2024-07-04").toEpochDay();
    // its keys' indexes as written then: no cap (150 refs a page), its event under its day, the Kazakhstan day past
    // one page; and its item document's footprint listing those day buckets
    String label = EventTimeline.label(LocalDate.parse("2024-07-04"), LocalDate.parse("2024-07-05"));
    List<String> dayBuckets = List.of("all|2024-07-04", "a:KAZ|2024-07-04", "t:alliance-politics|2024-07-04");
    for (String page : dayBuckets) {
      String key = EventTimeline.keyOf(page);
      buckets.updateOne(Filters.eq("_id", key), Updates.unset("cap"));
      buckets.updateOne(Filters.eq("_id", EventTimeline.bucketId(key, label)), Updates.pull("items", Filters.eq("articleId", legacy.id())));
      buckets.updateOne(Filters.eq("_id", key), Updates.set("days.2024-07-04", key.startsWith("a:") ? EventTimeline.LEGACY_PAGE_CAP + 1 : 1));
      Document item = new Document("eventId", legacy.id() + ":0").append("day", day).append("start", "2024-07-04").append("end", "2024-07-04")
          .append("precision", "DAY").append("expression", "on Thursday").append("sentence", "The declaration was signed on Thursday.")
          .append("actors", List.of("KAZ")).append("themes", List.of("alliance-politics")).append("articleId", legacy.id())
          .append("articleTitle", "SCO leaders sign Astana declaration").append("publishedAt", "2024-07-05T06:00:00Z");
      String at = page.startsWith("a:") ? page + "#1" : page;
      buckets.updateOne(Filters.eq("_id", at), Updates.push("items", item), new com.mongodb.client.model.UpdateOptions().upsert(true));
    }
    db.getCollection(Collections.TIMELINE_ITEMS).updateOne(Filters.eq("_id", legacy.id()), Updates.set("footprint.eventBuckets", dayBuckets));

    List<EventItem> kaz = events.page(new EventRequest("KAZ", null, null, null, 50, null)).items();
    assertThat(kaz).extracting(EventItem::eventId).containsExactlyInAnyOrder(legacy.id() + ":0", fresh.articleId() + ":0");
    assertThat(kaz).filteredOn(e -> e.articleId().equals(legacy.id())).containsExactly(new EventItem(legacy.id() + ":0",
        LocalDate.parse("2024-07-04"), LocalDate.parse("2024-07-04"), "DAY", "on Thursday", "The declaration was signed on Thursday.",
        List.of("KAZ"), List.of("alliance-politics"), legacy.id(), "SCO leaders sign Astana declaration", "2024-07-05T06:00:00Z"));
    assertThat(events.page(new EventRequest("KAZ", "alliance-politics", null, null, 50, null)).items()).hasSize(2);
    assertThat(events.page(new EventRequest(null, null, LocalDate.parse("2024-07-04"), LocalDate.parse("2024-07-05"), 50, null)).items())
        .hasSize(2);

    // the legacy article's next version: its full items go by article id, the new version's refs come in
    writer.write(List.of(legacy.revision(2).occurredAt("2024-09-12T08:40:00Z").build()));
    assertThat(storedRefs(legacy.id())).hasSize(3).allSatisfy(ref -> assertThat(ref).doesNotContainKey("sentence"));
    assertThat(events.page(new EventRequest("KAZ", null, null, null, 50, null)).items())
        .filteredOn(e -> e.articleId().equals(legacy.id())).extracting(EventItem::sentence)
        .containsExactly("The declaration was signed on July 4.");
  }

  /** Every ref or item of an article on any event page. */
  private List<Document> storedRefs(String articleId) {
    List<Document> refs = new ArrayList<>();
    for (Document page : db.getCollection(Collections.EVENT_BUCKETS).find(Filters.exists("items"))) {
      page.getList("items", Document.class).stream().filter(d -> articleId.equals(d.getString("articleId"))).forEach(refs::add);
    }
    return refs;
  }
}
