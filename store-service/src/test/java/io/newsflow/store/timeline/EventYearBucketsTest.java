package io.newsflow.store.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.model.Filters;
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
 * Events two or more calendar years from their article's publication go to a bucket of their year: it is read with the
 * months of its year, so an event of the year bucket comes between those of the month and part buckets of the same
 * year in exact order, through cursors and date ranges, and a range that only a year bucket covers still finds it.
 */
class EventYearBucketsTest extends EventStoreTest {

  @Override
  Instant now() {
    return Instant.parse("2024-11-01T09:00:00Z");
  }

  static Articles unrest(String slug, String publishedAt) {
    return Articles.article(slug).publishedAt(publishedAt).occurredAt(publishedAt).title("Qandy Qantar: " + slug)
        .actor("KAZ", "Kazakhstan", "STATE", 0.9).actor("org.csto", "CSTO", "ALLIANCE", 0.5).theme("unrest", "Unrest", 2.0, "protests");
  }

  @Test
  void aYearBucketReadsInEventOrderBesideTheMonthAndPartBucketsOfItsYear() {
    writer.write(List.of(
        // published in 2024: 2022 and 2019 are two and more calendar years back, so year buckets
        unrest("2024/09/anniversary", "2024-09-12T08:00:00Z")
            .event("2022-01-06", "CSTO troops landed in Almaty on January 6, 2022.", List.of("KAZ", "org.csto"), List.of("unrest"))
            .event("2022-03-15", "The last CSTO units had left by March 15, 2022.", List.of("KAZ", "org.csto"), List.of())
            .event("2019-03-20", "Astana was renamed on March 20, 2019.", List.of("KAZ"), List.of()).build(),
        // published in January 2022: the near event in the part of 1-7 January, the one two months ahead in March
        unrest("2022/01/state-of-emergency", "2022-01-10T06:00:00Z")
            .event("2022-01-05", "A state of emergency was declared on January 5.", List.of("KAZ"), List.of("unrest"))
            .event("2022-03-10", "Parliament will sit again on March 10.", List.of("KAZ"), List.of()).build(),
        // published in 2023, a calendar year after: the month bucket of January 2022
        unrest("2023/02/inquiry", "2023-02-01T06:00:00Z")
            .event("2022-01-06", "The inquiry dates the first shots to January 6, 2022.", List.of("KAZ"), List.of("unrest")).build()));

    assertThat(refsIn("a:KAZ|2022")).hasSize(2);
    assertThat(refsIn("a:KAZ|2019")).hasSize(1);
    assertThat(refsIn("a:KAZ|2022-01/1")).hasSize(1);
    assertThat(refsIn("a:KAZ|2022-03")).hasSize(1);
    assertThat(refsIn("a:KAZ|2022-01")).hasSize(1);
    assertThat(refsIn("a:org.csto|2022")).extracting(d -> d.getList("themes", String.class, List.of()))
        .containsExactlyInAnyOrder(List.of("unrest"), List.of());

    List<String> walked = new ArrayList<>();
    TimelineCursor cursor = null;
    int pages = 0;
    do {
      EventPage page = events.page(new EventRequest("KAZ", null, null, null, 2, cursor));
      page.items().forEach(i -> walked.add(i.start() + " " + i.sentence()));
      cursor = page.nextCursor() == null ? null : TimelineCursor.decode(page.nextCursor());
      pages++;
    } while (cursor != null && pages < 10);
    assertThat(walked).hasSize(6);
    assertThat(walked.subList(0, 2)).containsExactly(
        "2022-03-15 The last CSTO units had left by March 15, 2022.", "2022-03-10 Parliament will sit again on March 10.");
    assertThat(walked.subList(2, 4)).containsExactlyInAnyOrder(
        "2022-01-06 CSTO troops landed in Almaty on January 6, 2022.", "2022-01-06 The inquiry dates the first shots to January 6, 2022.");
    assertThat(walked.subList(4, 6)).containsExactly(
        "2022-01-05 A state of emergency was declared on January 5.", "2019-03-20 Astana was renamed on March 20, 2019.");

    // ranges: one only the 2019 year bucket covers, one across 2022's year, month and part buckets
    assertThat(events.page(new EventRequest("KAZ", null, LocalDate.parse("2019-03-01"), LocalDate.parse("2019-04-01"), 50, null)).items())
        .extracting(EventItem::start).containsExactly(LocalDate.parse("2019-03-20"));
    assertThat(events.page(new EventRequest(null, "unrest", LocalDate.parse("2022-01-05"), LocalDate.parse("2022-01-07"), 50, null)).items())
        .extracting(EventItem::start).containsExactly(LocalDate.parse("2022-01-06"), LocalDate.parse("2022-01-06"), LocalDate.parse("2022-01-05"));
    assertThat(events.page(new EventRequest("org.csto", "unrest", null, null, 50, null)).items())
        .extracting(EventItem::sentence).containsExactly("CSTO troops landed in Almaty on January 6, 2022.");
  }

  private List<Document> refsIn(String bucket) {
    Document page = db.getCollection(Collections.EVENT_BUCKETS).find(Filters.eq("_id", bucket)).first();
    return page == null ? List.of() : page.getList("items", Document.class);
  }
}
