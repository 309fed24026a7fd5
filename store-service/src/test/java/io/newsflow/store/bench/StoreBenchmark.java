package io.newsflow.store.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import io.newsflow.localstack.EmbeddedMongoServer;
import io.newsflow.model.article.EnrichedArticle;
import io.newsflow.store.article.ArticleLinks;
import io.newsflow.store.article.ArticleWriter;
import io.newsflow.store.mongo.Codecs;
import io.newsflow.store.mongo.Indexes;
import io.newsflow.store.timeline.Aggregates;
import io.newsflow.store.timeline.CooccurrenceDays;
import io.newsflow.store.timeline.EventTimeline;
import io.newsflow.store.timeline.EventTimelineQuery;
import io.newsflow.store.timeline.TimelineCursor;
import io.newsflow.store.timeline.TimelinePage;
import io.newsflow.store.timeline.TimelineQuery;
import io.newsflow.store.timeline.TimelineRequest;
import io.newsflow.store.timeline.TitleWords;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.IntConsumer;
import org.bson.Document;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Benchmark harness (not a unit test: it asserts nothing and is skipped unless asked for):
 * <pre>
 * ./mvnw -q -pl store-service test -Dtest=StoreBenchmark -Dnewsflow.bench.articles=100000
 * </pre>
 * On the embedded persistent (H2) MongoDB-wire server it measures, in one run: the raw bulk-insert rate
 * of article documents, the article write rate through {@link ArticleWriter} (articles plus every read
 * model), and p50/p99 latency of timeline, event and aggregate queries. Figures go to stdout as a table.
 */
public class StoreBenchmark {

  static final int BATCH = Integer.getInteger("newsflow.bench.batch", 500);
  static final int QUERIES = Integer.getInteger("newsflow.bench.queries", 1000);
  static final Instant START = Instant.parse("2023-01-01T00:00:00Z");
  static final Duration SPAN = Duration.ofDays(Integer.getInteger("newsflow.bench.days", 730));

  /** Same as the JUnit entry, for a run outside Maven: {@code java -cp ... StoreBenchmark 100000}. */
  public static void main(String[] args) throws Exception {
    System.setProperty("newsflow.bench.articles", args.length > 0 ? args[0] : "100000");
    new StoreBenchmark().run();
  }

  @Test
  void run() throws Exception {
    Integer articles = Integer.getInteger("newsflow.bench.articles");
    Assumptions.assumeTrue(articles != null, "benchmark harness: run with -Dnewsflow.bench.articles=N");
    Path dir = Files.createTempDirectory("store-bench");
    try (EmbeddedMongoServer server = new EmbeddedMongoServer(dir, 0).start();
        MongoClient client = MongoClients.create(server.uri())) {
      MongoDatabase db = client.getDatabase("bench");
      Indexes.ensure(db);
      report("# store benchmark: %d articles over %d days, batch %d, H2 backend, %s", articles, SPAN.toDays(), BATCH,
          Runtime.version());
      double raw = rawInsertRate(db, Math.min(articles, Integer.getInteger("newsflow.bench.raw", 20_000)));
      report("| write | raw insertMany of article documents | %.0f docs/s |", raw);
      double write = writeRate(db, articles);
      report("| write | ArticleWriter (articles + all read models) | %.0f articles/s (%.0f%% of raw) |", write, 100 * write / raw);
      queries(db);
    }
  }

  private double rawInsertRate(MongoDatabase db, int n) {
    MongoCollection<Document> raw = db.getCollection("raw_articles");
    SyntheticCorpus corpus = new SyntheticCorpus(7, START, SPAN, n);
    long t0 = System.nanoTime();
    List<Document> batch = new ArrayList<>(BATCH);
    for (int i = 0; i < n; i++) {
      batch.add(Codecs.articleDocument(corpus.next()));
      if (batch.size() == BATCH || i == n - 1) {
        raw.insertMany(batch);
        batch.clear();
      }
    }
    double rate = n / ((System.nanoTime() - t0) / 1e9);
    raw.drop();
    return rate;
  }

  private double writeRate(MongoDatabase db, int n) {
    ArticleWriter writer = new ArticleWriter(db, List.of(new ArticleLinks(db), new EventTimeline(db), new CooccurrenceDays(db)),
        Clock.systemUTC());
    SyntheticCorpus corpus = new SyntheticCorpus(42, START, SPAN, n);
    long t0 = System.nanoTime();
    List<EnrichedArticle> batch = new ArrayList<>(BATCH);
    for (int i = 0; i < n; i++) {
      batch.add(corpus.next());
      if (batch.size() == BATCH || i == n - 1) {
        writer.write(batch);
        batch.clear();
      }
      if ((i + 1) % Math.max(1, n / 10) == 0) {
        report("  written %d in %.1f s", i + 1, (System.nanoTime() - t0) / 1e9);
      }
    }
    return n / ((System.nanoTime() - t0) / 1e9);
  }

  private void queries(MongoDatabase db) {
    TimelineQuery timeline = new TimelineQuery(db, 20_000);
    EventTimelineQuery events = new EventTimelineQuery(db);
    Aggregates aggregates = new Aggregates(db);
    Random random = new Random(1);
    Instant end = START.plus(SPAN);
    report("| query | what | p50 ms | p99 ms | max ms |");
    MongoCollection<Document> articles = db.getCollection("articles");
    List<String> someIds = new ArrayList<>();
    articles.find().projection(new Document("_id", 1)).limit(1000).forEach(d -> someIds.add(d.getString("_id")));
    measure("baseline: one article by _id (server's raw key lookup)", i ->
        articles.find(com.mongodb.client.model.Filters.eq("_id", someIds.get(random.nextInt(someIds.size())))).first());
    measure("timeline: latest 50 of everything", i -> timeline.page(TimelineRequest.latest(50)));
    measure("timeline: one actor, latest 50", i -> timeline.page(request(List.of(actor(random)), false, List.of(), null, null, null)));
    measure("timeline: actor + theme", i -> timeline.page(request(List.of(actor(random)), false,
        List.of(SyntheticCorpus.THEMES[random.nextInt(SyntheticCorpus.THEMES.length)][0]), null, null, null)));
    measure("timeline: two actors, mode all", i -> timeline.page(request(List.of("KAZ", actor(random)), true, List.of(), null, null, null)));
    measure("timeline: actor in a random 7-day window", i -> {
      Instant from = START.plus(Duration.ofHours(random.nextInt((int) SPAN.toHours() - 24 * 7)));
      timeline.page(request(List.of(actor(random)), false, List.of(), from, from.plus(Duration.ofDays(7)), null));
    });
    measure("timeline: actor, second page by cursor", i -> {
      TimelineRequest first = request(List.of(actor(random)), false, List.of(), null, null, null);
      TimelinePage page = timeline.page(first);
      if (page.nextCursor() != null) {
        timeline.page(request(first.actors(), false, List.of(), null, null, TimelineCursor.decode(page.nextCursor())));
      }
    });
    measure("timeline: source feed + language", i -> timeline.page(new TimelineRequest(List.of(), false, List.of(),
        "f-" + random.nextInt(30), "ru", List.of(), null, null, 50, null, false)));
    measure("timeline: free text (title-word fallback)", i -> timeline.page(new TimelineRequest(List.of(), false, List.of(),
        null, null, TitleWords.of("Kyrgyzstan trade"), null, null, 50, null, false)));
    measure("events: one actor, latest 50", i -> events.page(new EventTimelineQuery.EventRequest(actor(random), null, null, null, 50, null)));
    measure("aggregate: actor article count", i -> aggregates.actor(actor(random)));
    measure("aggregate: themes with counts", i -> aggregates.themes());
    measure("aggregate: daily volume, 3 actors, 30 days", i -> {
      LocalDate to = LocalDate.ofInstant(end, java.time.ZoneOffset.UTC).minusDays(random.nextInt(600));
      aggregates.volume(Aggregates.Dimension.ACTOR, List.of(actor(random), actor(random), "KAZ"), to.minusDays(30), to, Aggregates.Interval.DAY);
    });
    measure("aggregate: weekly volume, 1 theme, 1 year", i -> {
      LocalDate to = LocalDate.ofInstant(end, java.time.ZoneOffset.UTC);
      aggregates.volume(Aggregates.Dimension.THEME, List.of("trade"), to.minusDays(365), to, Aggregates.Interval.WEEK);
    });
    measure("aggregate: co-occurrence, 30 days", i -> {
      LocalDate to = LocalDate.ofInstant(end, java.time.ZoneOffset.UTC).minusDays(random.nextInt(600));
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

  private void measure(String name, IntConsumer query) {
    for (int i = 0; i < Math.min(100, QUERIES); i++) {
      query.accept(i);
    }
    long[] nanos = new long[QUERIES];
    for (int i = 0; i < QUERIES; i++) {
      long t0 = System.nanoTime();
      query.accept(i);
      nanos[i] = System.nanoTime() - t0;
    }
    Arrays.sort(nanos);
    report("| query | %s | %.2f | %.2f | %.2f |", name, nanos[QUERIES / 2] / 1e6, nanos[(int) (QUERIES * 0.99) - 1] / 1e6,
        nanos[QUERIES - 1] / 1e6);
  }

  private static void report(String format, Object... args) {
    String line = String.format(format, args);
    System.out.println(line);
    try {
      // surefire may hold stdout until the test ends: the figures are also appended here as they come
      Files.writeString(Path.of("target", "store-benchmark.md"), line + System.lineSeparator(),
          java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
