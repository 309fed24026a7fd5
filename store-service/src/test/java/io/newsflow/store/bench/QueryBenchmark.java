package io.newsflow.store.bench;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.newsflow.store.actor.ActorDirectory;
import io.newsflow.store.timeline.Aggregates;
import io.newsflow.store.timeline.EventTimelineQuery;
import io.newsflow.store.timeline.TimelineCursor;
import io.newsflow.store.timeline.TimelinePage;
import io.newsflow.store.timeline.TimelineQuery;
import io.newsflow.store.timeline.TimelineRequest;
import io.newsflow.store.timeline.TitleWords;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.IntConsumer;
import org.bson.Document;

/**
 * The gateway's queries against a seeded store: each warmed up, then timed N times (p50 / p99 / max) with
 * the number of round trips to the server it took (max over the runs), which must not grow with the store.
 */
final class QueryBenchmark {

  static final int QUERIES = Integer.getInteger("newsflow.bench.queries", 1000);

  private final MongoDatabase db;
  private final AtomicInteger roundTrips;
  private final Instant start;
  private final Duration span;
  private final BiConsumer<String, Object[]> out;

  private final boolean textSearch;

  /** Per-collection command times of each query, when the harness records them (null: not recorded). */
  private final CommandTimes times;

  QueryBenchmark(MongoDatabase db, boolean textSearch, AtomicInteger roundTrips, Instant start, Duration span, Reporter out) {
    this(db, textSearch, roundTrips, start, span, out, null);
  }

  QueryBenchmark(MongoDatabase db, boolean textSearch, AtomicInteger roundTrips, Instant start, Duration span, Reporter out,
      CommandTimes times) {
    this.times = times;
    this.db = db;
    this.textSearch = textSearch;
    this.roundTrips = roundTrips;
    this.start = start;
    this.span = span;
    this.out = out::report;
  }

  interface Reporter {
    void report(String format, Object... args);
  }

  void run() {
    TimelineQuery timeline = new TimelineQuery(db, 20_000, () -> textSearch);
    ActorDirectory actors = new ActorDirectory(db, Duration.ofSeconds(30), java.time.Clock.systemUTC());
    EventTimelineQuery events = new EventTimelineQuery(db);
    Aggregates aggregates = new Aggregates(db);
    Random random = new Random(1);
    Instant end = start.plus(span);
    out.accept("| query (%d measured) | p50 ms | p99 ms | max ms | CPU ms per query (mean) | round trips (max) |", new Object[] {QUERIES});
    out.accept("|---|---|---|---|---|---|", new Object[0]);
    MongoCollection<Document> articles = db.getCollection("articles");
    List<String> someIds = new ArrayList<>();
    articles.find().projection(new Document("_id", 1)).limit(1000).forEach(d -> someIds.add(d.getString("_id")));
    measure("baseline: one article by _id (server's raw key lookup)", i ->
        articles.find(Filters.eq("_id", someIds.get(random.nextInt(someIds.size())))).first());
    measure("timeline: latest 50 of everything", i -> timeline.page(TimelineRequest.latest(50)));
    measure("timeline: one actor, latest 50", i -> timeline.page(request(List.of(actor(random)), false, List.of(), null, null, null)));
    measure("timeline: actor + theme", i -> timeline.page(request(List.of(actor(random)), false,
        List.of(SyntheticCorpus.THEMES[random.nextInt(SyntheticCorpus.THEMES.length)][0]), null, null, null)));
    measure("timeline: two actors, mode all", i -> timeline.page(request(List.of("KAZ", actor(random)), true, List.of(), null, null, null)));
    measure("timeline: actor in a random 7-day window", i -> {
      Instant from = start.plus(Duration.ofHours(random.nextInt(Math.max(1, (int) span.toHours() - 24 * 7))));
      timeline.page(request(List.of(actor(random)), false, List.of(), from, from.plus(Duration.ofDays(7)), null));
    });
    measure("timeline: actor, second page by cursor (both pages)", i -> {
      TimelineRequest first = request(List.of(actor(random)), false, List.of(), null, null, null);
      TimelinePage page = timeline.page(first);
      if (page.nextCursor() != null) {
        timeline.page(request(first.actors(), false, List.of(), null, null, TimelineCursor.decode(page.nextCursor())));
      }
    });
    measure("timeline: source feed + language", i -> timeline.page(new TimelineRequest(List.of(), false, List.of(),
        "f-" + random.nextInt(30), "ru", List.of(), null, null, 50, null, false)));
    measure("timeline: free text, 2 title words (title-word fallback)", i -> timeline.page(new TimelineRequest(List.of(), false,
        List.of(), null, null, TitleWords.of("Kyrgyzstan trade"), null, null, 50, null, false)));
    List<String> prefixes = List.of("kaz", "russ", "tok", "csto", "shanghai", "xi", "bel", "uz", "caspian pip", "eur");
    measure("actors: search by name prefix (in-memory index, rebuilt every 30 s)", i -> actors.search(prefixes.get(i % prefixes.size()), 10));
    measure("actors: top 20 by article count", i -> actors.top(20));
    measure("events: one actor, latest 50", i -> events.page(new EventTimelineQuery.EventRequest(actor(random), null, null, null, 50, null)));
    measure("events: everything, latest 50", i -> events.page(new EventTimelineQuery.EventRequest(null, null, null, null, 50, null)));
    measure("events: one actor, second page by cursor (both pages)", i -> {
      String actor = actor(random);
      EventTimelineQuery.EventPage page = events.page(new EventTimelineQuery.EventRequest(actor, null, null, null, 50, null));
      if (page.nextCursor() != null) {
        events.page(new EventTimelineQuery.EventRequest(actor, null, null, null, 50, TimelineCursor.decode(page.nextCursor())));
      }
    });
    // event days of this corpus: up to 400 days before publication
    measure("events: everything in a random 7-day window", i -> {
      LocalDate from = LocalDate.ofInstant(start, ZoneOffset.UTC).minusDays(random.nextInt(400));
      events.page(new EventTimelineQuery.EventRequest(null, null, from, from.plusDays(7), 50, null));
    });
    measure("aggregate: actor article count", i -> aggregates.actor(actor(random)));
    measure("aggregate: themes with counts", i -> aggregates.themes());
    measure("aggregate: daily volume, 3 actors, 30 days", i -> {
      LocalDate to = LocalDate.ofInstant(end, ZoneOffset.UTC).minusDays(random.nextInt(Math.max(1, (int) span.toDays() - 30)));
      aggregates.volume(Aggregates.Dimension.ACTOR, List.of(actor(random), actor(random), "KAZ"), to.minusDays(30), to, Aggregates.Interval.DAY);
    });
    measure("aggregate: weekly volume, 1 theme, 1 year", i -> {
      LocalDate to = LocalDate.ofInstant(end, ZoneOffset.UTC);
      aggregates.volume(Aggregates.Dimension.THEME, List.of("trade"), to.minusDays(365), to, Aggregates.Interval.WEEK);
    });
    measure("aggregate: co-occurrence, 30 days", i -> {
      LocalDate to = LocalDate.ofInstant(end, ZoneOffset.UTC).minusDays(random.nextInt(Math.max(1, (int) span.toDays() - 30)));
      aggregates.cooccurrence(null, to.minusDays(30), to, 20);
    });
  }

  private static String actor(Random random) {
    // queries follow the corpus: mostly the frequent actors, sometimes the long tail
    return SyntheticCorpus.ACTORS[random.nextDouble() < 0.6 ? random.nextInt(5) : random.nextInt(SyntheticCorpus.ACTORS.length)][0];
  }

  private static TimelineRequest request(List<String> actors, boolean all, List<String> themes, Instant from, Instant to,
      TimelineCursor cursor) {
    return new TimelineRequest(actors, all, themes, null, null, List.of(), from, to, 50, cursor, false);
  }

  /** Only the queries whose name this regular expression finds ({@code -Dnewsflow.bench.only='timeline: (?!free)'}), all when unset. */
  private static final java.util.regex.Pattern ONLY = java.util.regex.Pattern.compile(System.getProperty("newsflow.bench.only", ""));

  private void measure(String name, IntConsumer query) {
    if (!ONLY.matcher(name).find()) {
      return;
    }
    for (int i = 0; i < Math.min(100, QUERIES); i++) {
      query.accept(i);
    }
    long[] nanos = new long[QUERIES];
    int maxTrips = 0;
    // client and server run in this process and nothing else does meanwhile: its CPU time is the queries'
    if (times != null) {
      times.perBatchAndReset(1, 100);
    }
    long cpu0 = StoreBenchmark.cpuNanos();
    for (int i = 0; i < QUERIES; i++) {
      int trips0 = roundTrips.get();
      long t0 = System.nanoTime();
      query.accept(i);
      nanos[i] = System.nanoTime() - t0;
      maxTrips = Math.max(maxTrips, roundTrips.get() - trips0);
    }
    double cpuMs = (StoreBenchmark.cpuNanos() - cpu0) / 1e6 / QUERIES;
    Arrays.sort(nanos);
    out.accept("| %s | %.2f | %.2f | %.2f | %.2f | %d |", new Object[] {name, nanos[QUERIES / 2] / 1e6,
        nanos[(int) Math.ceil(QUERIES * 0.99) - 1] / 1e6, nanos[QUERIES - 1] / 1e6, cpuMs, maxTrips});
    if (times != null) {
      // where a query's time goes, by command and collection (ms per query, as the driver sees each reply)
      out.accept("|   ms per query by command: %s | | | | | |", new Object[] {times.perBatchAndReset(QUERIES, 5)});
    }
  }
}
