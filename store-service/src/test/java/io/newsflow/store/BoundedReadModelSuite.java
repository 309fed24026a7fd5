package io.newsflow.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoSocketException;
import io.newsflow.model.article.EnrichedArticle;
import io.newsflow.store.article.ArticleLinks;
import io.newsflow.store.article.ArticleWriter;
import io.newsflow.store.mongo.Collections;
import io.newsflow.store.timeline.Aggregates;
import io.newsflow.store.timeline.EventTimeline;
import io.newsflow.store.timeline.EventTimelineQuery;
import io.newsflow.store.timeline.EventTimelineQuery.EventRequest;
import io.newsflow.store.timeline.TimelineBuckets;
import io.newsflow.store.timeline.TimelineCursor;
import io.newsflow.store.timeline.TimelineItem;
import io.newsflow.store.timeline.TimelinePage;
import io.newsflow.store.timeline.TimelineRequest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.junit.jupiter.api.Test;

/**
 * Every growing read-model document stays bounded: an hour, a day, a story or an original with several times
 * a page's worth of entries is split into pages, and every query still returns each entry once, in order.
 * The e2e bench put 100,000 articles into one hour, and its single "all" bucket outgrew the wire server's
 * 48 MB reply (real MongoDB refuses documents over 16 MB).
 */
public abstract class BoundedReadModelSuite extends ConsistencySuite {

  /** No read-model document of these tests may be larger: a full bucket page of refs is ~75 KB. */
  static final int MAX_DOCUMENT_BYTES = 128 * 1024;
  static final int BUSY_HOUR = 3 * TimelineBuckets.PAGE_CAP + 57;
  static final int REPRINTS = 2 * ArticleLinks.PAGE_CAP + 50;
  static final Instant HOUR = Instant.parse("2024-09-12T07:00:00Z");
  static final List<String> READ_MODELS = List.of(Collections.TIMELINE_BUCKETS, Collections.TIMELINE_MONTHS,
      Collections.TIMELINE_KEYS, Collections.EVENT_BUCKETS, Collections.STORIES, Collections.DUPLICATE_LINKS,
      Collections.COOCCURRENCE_DAYS, Collections.TIMELINE_ITEMS);

  /** Article i of the busy hour: published 4 s after article i-1, all in story s-summit, each stating an event. */
  static Articles summit(int i, int revision) {
    return Articles.article("2024/09/summit-live-" + i).publishedAt(HOUR.plusSeconds(4L * i).toString())
        .occurredAt(HOUR.plusSeconds(4L * i + 3600 + revision).toString()).revision(revision)
        .title((revision > 1 ? "UPDATED: " : "") + "Summit in Astana, live update " + i)
        .actor("KAZ", "Kazakhstan", "STATE", 0.9).actor(i % 2 == 0 ? "RUS" : "CHN", i % 2 == 0 ? "Russia" : "China", "STATE", 0.6)
        .theme("alliance-politics", "Alliance politics", 2.0, "summit").story("s-summit")
        .event("2024-09-10", "Delegations arrived on September 10, 2024.", List.of("KAZ"), List.of("alliance-politics"));
  }

  /** Written as the consumer would: batches of 500 in shuffled arrival order, so pages are not in time order. */
  void writeShuffled(List<EnrichedArticle> articles) {
    List<EnrichedArticle> shuffled = new ArrayList<>(articles);
    java.util.Collections.shuffle(shuffled, new Random(7));
    for (int i = 0; i < shuffled.size(); i += 500) {
      writer.write(shuffled.subList(i, Math.min(shuffled.size(), i + 500)));
    }
  }

  static List<String> newestFirst(List<EnrichedArticle> articles) {
    return articles.stream().sorted(Comparator.comparing((EnrichedArticle e) -> e.article().publishedAt())
        .thenComparing(EnrichedArticle::articleId).reversed()).map(EnrichedArticle::articleId).toList();
  }

  List<String> followCursor(Function<TimelineCursor, TimelinePage> pageAfter) {
    List<String> seen = new ArrayList<>();
    TimelinePage page = pageAfter.apply(null);
    seen.addAll(ids(page));
    while (page.nextCursor() != null) {
      page = pageAfter.apply(TimelineCursor.decode(page.nextCursor()));
      seen.addAll(ids(page));
    }
    return seen;
  }

  List<String> actorPages(String actor, int limit) {
    return followCursor(c -> query.page(new TimelineRequest(List.of(actor), false, List.of(), null, null, List.of(), null, null,
        limit, c, false)));
  }

  /** The largest document of each read-model collection, in bytes as stored. */
  Map<String, Integer> largestDocuments() {
    Map<String, Integer> largest = new HashMap<>();
    for (String name : READ_MODELS) {
      for (RawBsonDocument d : db.getCollection(name, RawBsonDocument.class).find()) {
        largest.merge(name, d.getByteBuffer().remaining(), Math::max);
      }
    }
    return largest;
  }

  /**
   * How often each article id of one hour occurs in the bucket pages of one key: its day's pages (or, in a month
   * written before day buckets, the hour's).
   */
  Map<String, Integer> refsOf(String key, String hour) {
    Map<String, Integer> refs = new HashMap<>();
    long from = Instant.parse(hour + ":00:00Z").toEpochMilli();
    for (Document page : db.getCollection(Collections.TIMELINE_BUCKETS).find()) {
      if (key.equals(page.getString("key")) && page.getString("_id").startsWith(key + "|" + hour.substring(0, 10))) {
        assertThat(page.getList("items", Document.class)).hasSizeLessThanOrEqualTo(TimelineBuckets.PAGE_CAP);
        page.getList("items", Document.class).stream().filter(i -> i.getLong("t") >= from && i.getLong("t") < from + 3_600_000)
            .forEach(i -> refs.merge(i.getString("articleId"), 1, Integer::sum));
      }
    }
    return refs;
  }

  @Test
  void aBusyHourIsSplitIntoBoundedPagesAndEveryQueryReturnsEachArticleOnceInOrder() {
    List<EnrichedArticle> busy = new ArrayList<>();
    for (int i = 0; i < BUSY_HOUR; i++) {
      busy.add(summit(i, 1).build());
    }
    Articles original = Articles.article("2024/09/wire-original").publishedAt("2024-09-12T08:00:00Z").story("s-reprints")
        .actor("KAZ", "Kazakhstan", "STATE", 0.9);
    List<EnrichedArticle> reprints = new ArrayList<>();
    for (int i = 0; i < REPRINTS; i++) {
      reprints.add(Articles.article("2024/09/wire-reprint-" + i).publishedAt(Instant.parse("2024-09-12T08:01:00Z").plusSeconds(i).toString())
          .story("s-reprints").feed("f-reprint-" + (i % 40)).actor("KAZ", "Kazakhstan", "STATE", 0.9).duplicateOf(original.id()).build());
    }
    List<EnrichedArticle> everything = new ArrayList<>(busy);
    everything.add(original.build());
    everything.addAll(reprints);
    writeShuffled(everything);

    Map<String, Integer> largest = largestDocuments();
    assertThat(largest).allSatisfy((collection, bytes) -> assertThat(bytes).as(collection).isLessThanOrEqualTo(MAX_DOCUMENT_BYTES));
    Map<String, Integer> allRefs = refsOf("all", "2024-09-12T07");
    assertThat(allRefs).hasSize(BUSY_HOUR).allSatisfy((id, n) -> assertThat(n).as(id).isEqualTo(1));
    assertThat(db.getCollection(Collections.TIMELINE_BUCKETS).countDocuments(new Document("key", "all"))).isGreaterThanOrEqualTo(4);

    List<String> expected = newestFirst(busy);
    assertThat(actorPages("KAZ", 50)).containsExactlyElementsOf(concat(List.of(original.id()), expected));
    assertThat(followCursor(c -> query.page(new TimelineRequest(List.of(), false, List.of(), null, null, List.of(),
        Instant.parse("2024-09-12T07:00:00Z"), Instant.parse("2024-09-12T08:00:00Z"), 200, c, false))))
        .containsExactlyElementsOf(expected);
    assertThat(aggregates.actor("KAZ").orElseThrow().articleCount()).isEqualTo(BUSY_HOUR + 1);
    assertThat(aggregates.volume(Aggregates.Dimension.ACTOR, List.of("KAZ"), LocalDate.parse("2024-09-12"),
        LocalDate.parse("2024-09-13"), Aggregates.Interval.DAY).series().getFirst().points().getFirst().count()).isEqualTo(BUSY_HOUR + 1);
    assertThat(aggregates.cooccurrence(null, LocalDate.parse("2024-09-12"), LocalDate.parse("2024-09-13"), 10).pairs())
        .extracting(Aggregates.Pair::a, Aggregates.Pair::b, Aggregates.Pair::count).containsExactly(
            org.assertj.core.groups.Tuple.tuple("KAZ", "RUS", (long) (BUSY_HOUR + 1) / 2),
            org.assertj.core.groups.Tuple.tuple("CHN", "KAZ", (long) BUSY_HOUR / 2));

    assertThat(reader.story("s-summit").orElseThrow().articles()).extracting(TimelineItem::articleId).containsExactlyElementsOf(expected);
    assertThat(reader.story("s-reprints").orElseThrow().articles()).hasSize(REPRINTS + 1);
    assertThat(reader.find(original.id()).orElseThrow().duplicates())
        .containsExactlyInAnyOrderElementsOf(reprints.stream().map(EnrichedArticle::articleId).toList());
    List<String> eventArticles = new ArrayList<>();
    EventTimelineQuery.EventPage events = this.events.page(new EventRequest(null, null, null, null, 100, null));
    eventArticles.addAll(events.items().stream().map(EventTimelineQuery.EventItem::articleId).toList());
    while (events.nextCursor() != null) {
      events = this.events.page(new EventRequest(null, null, null, null, 100, TimelineCursor.decode(events.nextCursor())));
      eventArticles.addAll(events.items().stream().map(EventTimelineQuery.EventItem::articleId).toList());
    }
    assertThat(eventArticles).hasSize(BUSY_HOUR).doesNotHaveDuplicates();
    assertThat(db.getCollection(Collections.EVENT_BUCKETS).countDocuments(new Document("key", "all")))
        .isGreaterThanOrEqualTo(BUSY_HOUR / EventTimeline.PAGE_CAP);
  }

  @Test
  void replaysStaleVersionsAndRevisionsInABusyHourLeaveEachRefOnce() {
    List<EnrichedArticle> v1 = new ArrayList<>();
    for (int i = 0; i < BUSY_HOUR; i++) {
      v1.add(summit(i, 1).build());
    }
    writeShuffled(v1);
    List<EnrichedArticle> v2 = new ArrayList<>();
    for (int i = 0; i < BUSY_HOUR; i += 9) {
      v2.add(summit(i, 2).build());
    }
    writer.write(v2);
    ArticleWriter.WriteSummary replay = writer.write(v1.subList(0, 400));
    ArticleWriter.WriteSummary again = writer.write(v2);

    assertThat(replay.stored()).isZero();
    assertThat(replay.stale()).isEqualTo(v2.stream().filter(e -> v1.subList(0, 400).stream()
        .anyMatch(o -> o.articleId().equals(e.articleId()))).count());
    assertThat(again.replays()).isEqualTo(v2.size());
    assertThat(refsOf("all", "2024-09-12T07")).hasSize(BUSY_HOUR).allSatisfy((id, n) -> assertThat(n).as(id).isEqualTo(1));
    assertThat(refsOf("a:KAZ", "2024-09-12T07")).hasSize(BUSY_HOUR).allSatisfy((id, n) -> assertThat(n).as(id).isEqualTo(1));
    List<String> pages = actorPages("KAZ", 200);
    assertThat(pages).containsExactlyElementsOf(newestFirst(v1));
    assertThat(query.page(actorTimeline(200, "KAZ")).items()).filteredOn(item -> item.title().startsWith("UPDATED"))
        .hasSize((int) v2.stream().filter(e -> pages.subList(0, 200).contains(e.articleId())).count());
    assertThat(aggregates.actor("KAZ").orElseThrow().articleCount()).isEqualTo(BUSY_HOUR);
    assertThat(reader.story("s-summit").orElseThrow().articles()).hasSize(BUSY_HOUR);
  }

  @Test
  void aBatchCutShortInABusyHourIsFinishedByItsRetryWithoutRepeatingRefs() {
    List<EnrichedArticle> first = new ArrayList<>();
    for (int i = 0; i < 2 * TimelineBuckets.PAGE_CAP; i++) {
      first.add(summit(i, 1).build());
    }
    writer.write(first);
    List<EnrichedArticle> rest = new ArrayList<>();
    for (int i = 2 * TimelineBuckets.PAGE_CAP; i < BUSY_HOUR; i++) {
      rest.add(summit(i, 1).build());
    }
    assertThatThrownBy(() -> writer(List.of(CRASH)).write(rest)).isInstanceOf(MongoSocketException.class);
    assertThat(writer.write(rest).stored()).isEqualTo(rest.size());

    assertThat(refsOf("all", "2024-09-12T07")).hasSize(BUSY_HOUR).allSatisfy((id, n) -> assertThat(n).as(id).isEqualTo(1));
    assertThat(refsOf("t:alliance-politics", "2024-09-12T07")).hasSize(BUSY_HOUR);
    List<EnrichedArticle> all = new ArrayList<>(first);
    all.addAll(rest);
    assertThat(actorPages("KAZ", 100)).containsExactlyElementsOf(newestFirst(all));
    assertThat(aggregates.actor("KAZ").orElseThrow().articleCount()).isEqualTo(BUSY_HOUR);
    assertThat(reader.story("s-summit").orElseThrow().articles()).hasSize(BUSY_HOUR);
    assertThat(aggregates.cooccurrence("KAZ", LocalDate.parse("2024-09-12"), LocalDate.parse("2024-09-13"), 10).pairs())
        .extracting(Aggregates.Pair::count).containsExactly((long) (BUSY_HOUR + 1) / 2, (long) BUSY_HOUR / 2);
  }

  @Test
  void coOccurrenceWrittenBeforeDaySummariesIsStillCountedAndAddedTo() {
    // a day as the store wrote it before summaries: one list of pairs per hour, and the hour in the month of "all"
    db.getCollection(Collections.TIMELINE_MONTHS).insertOne(new Document("_id", "all|2024-09").append("key", "all")
        .append("month", "2024-09").append("all", new Document("2024-09-12T03", 4L)).append("unique", new Document("2024-09-12T03", 4L)));
    db.getCollection(Collections.COOCCURRENCE_DAYS).insertOne(new Document("_id", "2024-09-12").append("day", "2024-09-12")
        .append("hours", new Document("03", List.of(new Document("a", "KAZ").append("b", "RUS").append("n", 4)
            .append("themes", List.of(new Document("id", "trade").append("n", 4)))))));
    LocalDate day = LocalDate.parse("2024-09-12");
    assertThat(aggregates.cooccurrence(null, day, day.plusDays(1), 10).pairs()).extracting(Aggregates.Pair::count).containsExactly(4L);

    writer.write(List.of(summit(0, 1).build(), summit(1, 1).build()));

    assertThat(aggregates.cooccurrence(null, day, day.plusDays(1), 10).pairs())
        .extracting(Aggregates.Pair::a, Aggregates.Pair::b, Aggregates.Pair::count).containsExactly(
            org.assertj.core.groups.Tuple.tuple("KAZ", "RUS", 5L), org.assertj.core.groups.Tuple.tuple("CHN", "KAZ", 1L));
    assertThat(aggregates.cooccurrence(null, day, day.plusDays(1), 10).pairs().getFirst().themes())
        .isEqualTo(Map.of("trade", 4L, "alliance-politics", 1L));
  }

  static List<String> concat(List<String> a, List<String> b) {
    List<String> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }
}
