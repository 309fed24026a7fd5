package io.newsflow.store.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.model.Filters;
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
 * Events far from their article's publication go to a month bucket, near ones to a bucket of a part of their month
 * (days of before): the newest-first order, date range and cursor stay exact across both kinds in one month, and a
 * revision that moves an event from one kind to the other leaves it only where its new version puts it.
 */
class EventMonthBucketsTest extends EventStoreTest {

  @Override
  Instant now() {
    return Instant.parse("2024-11-01T09:00:00Z");
  }

  static Articles grainDeal(String slug, String publishedAt, int revision) {
    return Articles.article("2024/" + slug).publishedAt(publishedAt).revision(revision)
        .occurredAt(publishedAt.substring(0, 15) + revision + ":00Z")
        .title("Black Sea grain corridor: " + slug).actor("UKR", "Ukraine", "STATE", 0.9).actor("TUR", "Türkiye", "STATE", 0.6)
        .theme("trade", "Trade", 2.0, "grain exports");
  }

  @Test
  void dayAndMonthBucketsOfOneMonthReadInEventOrderAcrossPagesWithCursorAndRange() {
    List<EnrichedArticle> batch = List.of(
        // published 23 days after its event: the part of 15-21 August
        grainDeal("09/odesa-convoy", "2024-09-12T08:00:00Z", 1)
            .event("2024-08-20", "A convoy left Odesa on August 20.", List.of("UKR"), List.of("trade")).build(),
        // published two months after both events: month bucket 2024-08
        grainDeal("10/corridor-review", "2024-10-25T10:00:00Z", 1)
            .event("2024-08-25", "Ankara hosted talks on August 25.", List.of("UKR", "TUR"), List.of("trade"))
            .event("2024-08-05", "Insurers raised premiums on August 5.", List.of("UKR"), List.of()).build(),
        // published five days before its event: the part of 15-21 August
        grainDeal("08/harvest-outlook", "2024-08-10T06:00:00Z", 1)
            .event("2024-08-15", "Harvest estimates are due on August 15.", List.of("UKR"), List.of("trade")).build(),
        // September, near its publication: read before all of August
        grainDeal("09/port-strike", "2024-09-03T12:00:00Z", 1)
            .event("2024-09-01", "Dock workers struck on September 1.", List.of("UKR"), List.of()).build());
    writer.write(batch);

    // the near events of 20 and 15 August in the month part of 15-21 August, the others in the month
    assertThat(refsIn("a:UKR|2024-08/3")).extracting(d -> d.getLong("day")).containsExactlyInAnyOrder(
        LocalDate.parse("2024-08-20").toEpochDay(), LocalDate.parse("2024-08-15").toEpochDay());
    assertThat(refsIn("a:UKR|2024-08")).extracting(d -> d.getLong("day")).containsExactlyInAnyOrder(
        LocalDate.parse("2024-08-25").toEpochDay(), LocalDate.parse("2024-08-05").toEpochDay());
    assertThat(db.getCollection(Collections.EVENT_BUCKETS).find(Filters.in("_id", "a:UKR|2024-08-25", "a:UKR|2024-08-20")).first()).isNull();

    List<LocalDate> walked = new ArrayList<>();
    TimelineCursor cursor = null;
    int pages = 0;
    do {
      EventPage page = events.page(new EventRequest("UKR", null, null, null, 2, cursor));
      page.items().forEach(i -> walked.add(i.start()));
      cursor = page.nextCursor() == null ? null : TimelineCursor.decode(page.nextCursor());
      pages++;
    } while (cursor != null && pages < 10);
    assertThat(walked).containsExactly(LocalDate.parse("2024-09-01"), LocalDate.parse("2024-08-25"), LocalDate.parse("2024-08-20"),
        LocalDate.parse("2024-08-15"), LocalDate.parse("2024-08-05"));

    // August only: the month bucket "2024-08" sorts before "2024-08-01" as text, and must still be read
    assertThat(events.page(new EventRequest("UKR", null, LocalDate.parse("2024-08-01"), LocalDate.parse("2024-09-01"), 50, null)).items())
        .extracting(EventItem::start).containsExactly(LocalDate.parse("2024-08-25"), LocalDate.parse("2024-08-20"),
            LocalDate.parse("2024-08-15"), LocalDate.parse("2024-08-05"));
    assertThat(events.page(new EventRequest(null, "trade", LocalDate.parse("2024-08-16"), LocalDate.parse("2024-08-26"), 50, null)).items())
        .extracting(EventItem::sentence).containsExactly("Ankara hosted talks on August 25.", "A convoy left Odesa on August 20.");
  }

  @Test
  void aRevisionMovingAnEventBetweenADayAndAMonthBucketLeavesItOnlyInTheNewOne() {
    writer.write(List.of(grainDeal("09/inspection-halt", "2024-09-12T08:00:00Z", 1)
        .event("2024-09-01", "Inspections halted on September 1.", List.of("UKR", "TUR"), List.of("trade")).build()));
    // the correction: the halt was in June, more than a month before publication, so its month bucket
    EnrichedArticle june = grainDeal("09/inspection-halt", "2024-09-12T08:00:00Z", 2)
        .event("2024-06-01", "Inspections halted on June 1.", List.of("UKR", "TUR"), List.of("trade")).build();
    writer.write(List.of(june));
    assertThat(refsIn("a:TUR|2024-09/1")).isEmpty();
    assertThat(refsIn("a:TUR|2024-06")).extracting(d -> d.getLong("day")).containsExactly(LocalDate.parse("2024-06-01").toEpochDay());
    assertThat(events.page(new EventRequest("TUR", null, null, null, 50, null)).items()).extracting(EventItem::sentence)
        .containsExactly("Inspections halted on June 1.");

    // and back to a near day
    writer.write(List.of(grainDeal("09/inspection-halt", "2024-09-12T08:00:00Z", 3)
        .event("2024-09-02", "Inspections halted on September 2.", List.of("UKR", "TUR"), List.of("trade")).build()));
    for (String key : List.of("all", "a:UKR", "a:TUR", "t:trade")) {
      assertThat(refsIn(key + "|2024-06")).as(key).isEmpty();
    }
    assertThat(refsIn("a:TUR|2024-09/1")).hasSize(1);
    assertThat(events.page(new EventRequest(null, "trade", null, null, 50, null)).items()).extracting(EventItem::sentence)
        .containsExactly("Inspections halted on September 2.");
  }

  @Test
  void aRevisionOfAnArticleWithoutItemDocumentRemovesItsRefsFromDayAndMonthBuckets() {
    EnrichedArticle first = grainDeal("09/black-sea-initiative", "2024-09-12T08:00:00Z", 1)
        .event("2023-07-17", "Russia left the Black Sea Grain Initiative on July 17, 2023.", List.of("UKR", "TUR"), List.of("trade")).build();
    writer.write(List.of(first));
    assertThat(refsIn("a:TUR|2023-07")).hasSize(1);
    // as stored before month buckets: the same ref under the day, listed in the key's index; and a batch cut short
    // before its item documents, so the next version finds its footprint from the article document alone
    var buckets = db.getCollection(Collections.EVENT_BUCKETS);
    buckets.insertOne(new Document("_id", "a:TUR|2023-07-17").append("key", "a:TUR").append("day", "2023-07-17").append("page", 0)
        .append("items", List.of(refsIn("a:TUR|2023-07").getFirst())));
    buckets.updateOne(Filters.eq("_id", "a:TUR"), com.mongodb.client.model.Updates.set("days.2023-07-17", 1L));
    db.getCollection(Collections.TIMELINE_ITEMS).deleteMany(new Document());

    writer.write(List.of(grainDeal("09/black-sea-initiative", "2024-09-12T08:00:00Z", 2)
        .event("2024-09-10", "Ankara proposed new talks on September 10.", List.of("UKR", "TUR"), List.of("trade")).build()));
    assertThat(refsIn("a:TUR|2023-07")).isEmpty();
    assertThat(refsIn("a:TUR|2023-07-17")).isEmpty();
    assertThat(events.page(new EventRequest("TUR", null, null, null, 50, null)).items()).extracting(EventItem::sentence)
        .containsExactly("Ankara proposed new talks on September 10.");
  }

  private List<Document> refsIn(String bucket) {
    Document page = db.getCollection(Collections.EVENT_BUCKETS).find(Filters.eq("_id", bucket)).first();
    return page == null ? List.of() : page.getList("items", Document.class);
  }
}
