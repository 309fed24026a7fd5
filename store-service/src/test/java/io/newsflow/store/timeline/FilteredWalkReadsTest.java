package io.newsflow.store.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import io.newsflow.model.article.EnrichedArticle;
import io.newsflow.store.Articles;
import io.newsflow.store.article.ArticleWriter;
import io.newsflow.store.mongo.Collections;
import io.newsflow.store.mongo.InMemoryMongo;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Round trips of a filtered timeline walk (actor + theme): the walk drives by the rarer key and tests the other on
 * each ref, so it must read as many days as the page needs in its first read, estimated from the keys' totals,
 * not double its reads round after round (8 round trips at 100,000 articles before).
 */
class FilteredWalkReadsTest {

  static final Instant START = Instant.parse("2024-03-01T00:00:00Z");
  static final int DAYS = 60;
  static final int PER_DAY = 40;

  static final AtomicInteger bucketReads = new AtomicInteger();
  /** Month documents asked for (ids in the {@code $in} of each read). */
  static final AtomicInteger monthReads = new AtomicInteger();
  static final List<EnrichedArticle> written = new ArrayList<>();
  static MongoDatabase db;

  @RegisterExtension
  static final InMemoryMongo mongo = new InMemoryMongo(event -> {
    if (event.getCommandName().equals("find")) {
      String collection = event.getCommand().getString("find").getValue();
      if (collection.equals(Collections.TIMELINE_BUCKETS)) {
        bucketReads.incrementAndGet();
      } else if (collection.equals(Collections.TIMELINE_MONTHS)) {
        monthReads.addAndGet(event.getCommand().getDocument("filter").getDocument("_id").getArray("$in").size());
      }
    }
  });

  @BeforeAll
  static void seed() {
    db = mongo.client().getDatabase("filtered_walk");
    ArticleWriter writer = new ArticleWriter(db, List.of(), Clock.fixed(START, ZoneOffset.UTC));
    Duration step = Duration.ofDays(1).dividedBy(PER_DAY);
    List<EnrichedArticle> batch = new ArrayList<>();
    for (int i = 0; i < DAYS * PER_DAY; i++) {
      // every article names Kazakhstan; Kyrgyzstan one in 3, trade one in 7: both, one in 21
      Articles a = Articles.article("2024/walk-" + i).publishedAt(START.plus(step.multipliedBy(i)).toString())
          .actor("KAZ", "Kazakhstan", "STATE", 0.9);
      if (i % 3 == 0) {
        a.actor("KGZ", "Kyrgyzstan", "STATE", 0.6);
      }
      if (i % 7 == 0) {
        a.theme("trade", "Trade", 0.8, "exports");
      }
      batch.add(a.build());
      if (batch.size() == 400) {
        writer.write(batch);
        written.addAll(batch);
        batch.clear();
      }
    }
    writer.write(batch);
    written.addAll(batch);
  }

  @Test
  void actorAndThemeFillTheirFirstPageInOneReadOfBucketsAndTheSecondContinuesInOrder() {
    TimelineQuery query = new TimelineQuery(db, 20_000, () -> false);
    List<String> expected = new ArrayList<>();
    for (int i = written.size() - 1; i >= 0; i--) {
      if (i % 21 == 0) {
        expected.add(written.get(i).articleId());
      }
    }
    bucketReads.set(0);
    TimelinePage first = query.page(request(null));
    int readsForFirst = bucketReads.get();
    TimelinePage second = query.page(request(TimelineCursor.decode(first.nextCursor())));

    assertThat(first.items()).extracting(TimelineItem::articleId).containsExactlyElementsOf(expected.subList(0, 50));
    assertThat(second.items()).extracting(TimelineItem::articleId).containsExactlyElementsOf(expected.subList(50, 100));
    // trade drives (343 refs against Kyrgyzstan's 800); a third of them name Kyrgyzstan, so 51 matches need ~150
    // trade refs, ~27 days: one read of day pages when the share is estimated, 3 or more when it is not
    assertThat(readsForFirst).isEqualTo(1);
  }

  @Test
  void aDenseKeyReadsOnlyItsNewestMonthDocument() {
    TimelineQuery query = new TimelineQuery(db, 20_000, () -> false);
    monthReads.set(0);
    TimelinePage page = query.page(new TimelineRequest(List.of("KAZ"), false, List.of(), null, null, List.of(), null, null,
        50, null, false));

    assertThat(page.items()).extracting(TimelineItem::articleId).containsExactlyElementsOf(
        written.reversed().subList(0, 50).stream().map(EnrichedArticle::articleId).toList());
    assertThat(monthReads.get()).isEqualTo(1);
  }

  private static TimelineRequest request(TimelineCursor cursor) {
    return new TimelineRequest(List.of("KGZ"), false, List.of("trade"), null, null, List.of(), null, null, 50, cursor, false);
  }
}
