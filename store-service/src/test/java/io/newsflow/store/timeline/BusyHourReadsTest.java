package io.newsflow.store.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import com.mongodb.event.CommandListener;
import io.newsflow.model.article.EnrichedArticle;
import io.newsflow.store.Articles;
import io.newsflow.store.article.ArticleWriter;
import io.newsflow.store.mongo.Collections;
import io.newsflow.store.mongo.InMemoryMongo;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What a timeline page reads in an hour of many bucket pages, counted by a driver {@link CommandListener}:
 * the newest refs of an hour filled in time order are on its last pages, so the first page of the timeline
 * must not read the whole hour (at 100,000 articles an hour that was 400 pages, ~30 MB, per request).
 */
class BusyHourReadsTest {

  static final int ARTICLES = 10 * TimelineBuckets.PAGE_CAP;
  static final Instant HOUR = Instant.parse("2024-09-12T07:00:00Z");

  static final AtomicInteger bucketPagesRequested = new AtomicInteger();

  @RegisterExtension
  static final InMemoryMongo mongo = new InMemoryMongo(event -> {
    BsonDocument cmd = event.getCommand();
    if (event.getCommandName().equals("find") && cmd.getString("find").getValue().equals(Collections.TIMELINE_BUCKETS)) {
      bucketPagesRequested.addAndGet(cmd.getDocument("filter").getDocument("_id").getArray("$in").size());
    }
  });

  @Test
  void theFirstPageOfABusyHourReadsOnlyItsNewestBucketPagesAndLaterPagesContinueInOrder() {
    MongoDatabase db = mongo.client().getDatabase("busy_hour");
    ArticleWriter writer = new ArticleWriter(db, List.of(), Clock.fixed(HOUR, ZoneOffset.UTC));
    List<EnrichedArticle> arriving = new ArrayList<>();
    for (int i = 0; i < ARTICLES; i++) {
      // one a second, as a wire service's live blog delivers them
      arriving.add(Articles.article("2024/09/live-" + i).publishedAt(HOUR.plusSeconds(i).toString())
          .actor("KAZ", "Kazakhstan", "STATE", 0.9).build());
    }
    for (int i = 0; i < ARTICLES; i += 500) {
      writer.write(arriving.subList(i, i + 500));
    }
    TimelineQuery query = new TimelineQuery(db, 20_000, () -> false);

    bucketPagesRequested.set(0);
    TimelinePage first = query.page(TimelineRequest.latest(50));
    int readForFirst = bucketPagesRequested.get();
    TimelinePage second = query.page(new TimelineRequest(List.of(), false, List.of(), null, null, List.of(), null, null, 50,
        TimelineCursor.decode(first.nextCursor()), false));

    assertThat(readForFirst).isLessThanOrEqualTo(PagedHour.PAGES_PER_READ);
    assertThat(first.items()).extracting(TimelineItem::articleId)
        .containsExactlyElementsOf(arriving.reversed().subList(0, 50).stream().map(EnrichedArticle::articleId).toList());
    assertThat(second.items()).extracting(TimelineItem::articleId)
        .containsExactlyElementsOf(arriving.reversed().subList(50, 100).stream().map(EnrichedArticle::articleId).toList());
  }
}
