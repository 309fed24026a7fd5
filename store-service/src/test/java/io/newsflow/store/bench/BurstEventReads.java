package io.newsflow.store.bench;

import com.mongodb.client.MongoDatabase;
import io.newsflow.store.timeline.EventTimelineQuery;
import io.newsflow.store.timeline.EventTimelineQuery.EventPage;
import io.newsflow.store.timeline.EventTimelineQuery.EventRequest;
import io.newsflow.store.timeline.TimelineCursor;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Random;
import java.util.function.IntConsumer;

/**
 * Event queries on the store a burst left ({@code -Dnewsflow.burst.eventReads=N}, N measured per row after 50 warm-up
 * runs): where most events fall within three weeks before publication, so a key's near events share a few buckets and
 * a read of one day or one week takes what the bucket label of those days holds. Per row: p50 and p99 ms by wall clock,
 * and the process's CPU ms per query (client and server share it).
 */
final class BurstEventReads {

  private BurstEventReads() {}

  static void run(MongoDatabase db, int n) {
    EventTimelineQuery events = new EventTimelineQuery(db);
    LocalDate published = LocalDate.ofInstant(BurstBenchmark.HOUR, ZoneOffset.UTC);
    Random random = new Random(1);
    StoreBenchmark.report("| event query on the burst's store (%d measured) | p50 ms | p99 ms | CPU ms per query | load |", n);
    StoreBenchmark.report("|---|---|---|---|---|");
    measure("everything, latest 50", n, i -> events.page(new EventRequest(null, null, null, null, 50, null)));
    measure("Kazakhstan, latest 50", n, i -> events.page(new EventRequest("KAZ", null, null, null, 50, null)));
    measure("any actor, latest 50", n, i -> events.page(new EventRequest(actor(random), null, null, null, 50, null)));
    measure("everything, one day of the last three weeks", n, i -> {
      LocalDate day = published.minusDays(random.nextInt(21));
      events.page(new EventRequest(null, null, day, day.plusDays(1), 50, null));
    });
    measure("any actor, 7 days of the last three weeks", n, i -> {
      LocalDate from = published.minusDays(random.nextInt(21));
      events.page(new EventRequest(actor(random), null, from, from.plusDays(7), 50, null));
    });
    measure("Kazakhstan, second page by cursor (both pages)", n, i -> {
      EventPage first = events.page(new EventRequest("KAZ", null, null, null, 50, null));
      events.page(new EventRequest("KAZ", null, null, null, 50, TimelineCursor.decode(first.nextCursor())));
    });
  }

  private static String actor(Random random) {
    return BurstCorpus.MANY_ACTORS[random.nextInt(BurstCorpus.MANY_ACTORS.length)];
  }

  private static void measure(String name, int n, IntConsumer query) {
    for (int i = 0; i < 50; i++) {
      query.accept(i);
    }
    long[] nanos = new long[n];
    long c0 = StoreBenchmark.cpuNanos();
    for (int i = 0; i < n; i++) {
      long t = System.nanoTime();
      query.accept(i);
      nanos[i] = System.nanoTime() - t;
    }
    double cpu = (StoreBenchmark.cpuNanos() - c0) / 1e6 / n;
    Arrays.sort(nanos);
    StoreBenchmark.report("| %s | %.2f | %.2f | %.1f | %s |", name, nanos[n / 2] / 1e6, nanos[Math.min(n - 1, (int) (n * 0.99))] / 1e6, cpu,
        StoreBenchmark.loadAverage());
  }
}
