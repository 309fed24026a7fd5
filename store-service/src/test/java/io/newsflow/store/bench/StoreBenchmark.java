package io.newsflow.store.bench;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import io.newsflow.localstack.EmbeddedMongoServer;
import io.newsflow.model.article.EnrichedArticle;
import io.newsflow.store.article.ArticleLinks;
import io.newsflow.store.article.ArticleWriter;
import io.newsflow.store.mongo.Codecs;
import io.newsflow.store.mongo.Indexes;
import io.newsflow.store.timeline.CooccurrenceDays;
import io.newsflow.store.timeline.EventTimeline;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Benchmark harness (not a unit test: it asserts nothing and is skipped unless asked for):
 * <pre>
 * ./mvnw -q -pl store-service test -Dtest=StoreBenchmark -Dnewsflow.bench.articles=100000
 * </pre>
 * On the embedded persistent (H2) MongoDB-wire server it measures, in one run: the raw bulk-insert rate of
 * article documents, the write rate through {@link ArticleWriter} (articles plus every read model: the
 * seeder is the writer's own code path, in batches, without Kafka), and p50/p99 latency and round trips of
 * the gateway's timeline, event and aggregate queries ({@link QueryBenchmark}). Rates are given by wall
 * clock and by the process's CPU time (user + sys), which the machine's other load does not inflate.
 *
 * <p>Settings ({@code -D}): {@code newsflow.bench.articles} store size; {@code .dir} keep the H2 file there
 * (a later run with the same size continues seeding where it stopped); {@code .seedMinutes} stop seeding
 * after this long and query the store as it is; {@code .perDay} articles per day of publication time (a
 * store of N articles is the first N of one stream, so a 100,000-article store grows into the 1,000,000 one); {@code .batch}
 * articles per write (500 by default; the service's max-poll-records is 2,000 since 27 Nov evening); {@code .raw} documents of the raw insert
 * measure; {@code .queries} measured runs per query; {@code .times} command time per collection on each progress
 * line and per query (what grows with the store); {@code .only} a regular expression of the queries to run.
 */
public class StoreBenchmark {

  static final int BATCH = Integer.getInteger("newsflow.bench.batch", 500);
  static final Instant START = Instant.parse("2023-01-01T00:00:00Z");
  /** Articles per day: 1,370 puts 1,000,000 articles over two years, and 100,000 over their first 73 days. */
  static final int PER_DAY = Integer.getInteger("newsflow.bench.perDay", 1370);
  static final Duration STEP = Duration.ofDays(1).dividedBy(PER_DAY);

  /** Same as the JUnit entry, for a run outside Maven: {@code java -cp ... StoreBenchmark 100000}. */
  public static void main(String[] args) throws Exception {
    System.setProperty("newsflow.bench.articles", args.length > 0 ? args[0] : "100000");
    new StoreBenchmark().run();
  }

  @Test
  void run() throws Exception {
    Integer articles = Integer.getInteger("newsflow.bench.articles");
    Assumptions.assumeTrue(articles != null, "benchmark harness: run with -Dnewsflow.bench.articles=N");
    String dirSetting = System.getProperty("newsflow.bench.dir");
    Path dir = dirSetting == null ? Files.createTempDirectory("store-bench") : Files.createDirectories(Path.of(dirSetting));
    double seedMinutes = Double.parseDouble(System.getProperty("newsflow.bench.seedMinutes", "1e12"));
    AtomicInteger roundTrips = new AtomicInteger();
    MongoClientSettings.Builder settings = MongoClientSettings.builder();
    if (Boolean.getBoolean("newsflow.bench.bytes")) {
      settings.addCommandListener(bytes);
    }
    if (Boolean.getBoolean("newsflow.bench.times")) {
      settings.addCommandListener(times);
    }
    try (EmbeddedMongoServer server = new EmbeddedMongoServer(dir, 0).start();
        MongoClient client = MongoClients.create(settings
            .applyConnectionString(new ConnectionString(server.uri()))
            .addCommandListener(new CommandListener() {
              @Override
              public void commandStarted(CommandStartedEvent event) {
                roundTrips.incrementAndGet();
              }
            }).build())) {
      MongoDatabase db = client.getDatabase("bench");
      boolean textSearch = Indexes.ensure(db).textSearch();
      report("# store benchmark: %d articles, %d a day, batch %d, H2 backend in %s, %s, load average %s", articles,
          PER_DAY, BATCH, dir, Runtime.version(), loadAverage());
      SyntheticCorpus sample = new SyntheticCorpus(42, START, STEP);
      report("article document: %d bytes of BSON", new RawBsonDocument(Codecs.articleDocument(sample.next()),
          new org.bson.codecs.DocumentCodec()).getByteBuffer().remaining());
      int rawCount = Math.min(articles, Integer.getInteger("newsflow.bench.raw", 20_000));
      Rate raw = rawInsertRate(db, rawCount);
      report("| write | raw insertMany of article documents (%d, before seeding) | %.0f docs/s wall, %.0f docs per CPU-s |",
          rawCount, raw.wall(), raw.cpu());
      bytes.reset();
      Rate write = seed(db, articles, seedMinutes);
      if (write != null && Boolean.getBoolean("newsflow.bench.bytes")) {
        report("wire bytes of the writer per batch of %d (%d batches):%n%s", BATCH, seededBatches, bytes.table(seededBatches));
      }
      if (write != null) {
        report("| write | ArticleWriter (articles + all read models) | %.0f articles/s wall (%.0f%% of raw), %.0f per CPU-s (%.0f%% of raw) |",
            write.wall(), 100 * write.wall() / raw.wall(), write.cpu(), 100 * write.cpu() / raw.cpu());
        Rate rawAfter = rawInsertRate(db, rawCount);
        report("| write | raw insertMany again, on the seeded store | %.0f docs/s wall, %.0f docs per CPU-s (writer: %.0f%% / %.0f%%) |",
            rawAfter.wall(), rawAfter.cpu(), 100 * write.wall() / rawAfter.wall(), 100 * write.cpu() / rawAfter.cpu());
      }
      long stored = db.getCollection("articles").estimatedDocumentCount();
      report("store: %d articles; load average %s", stored, loadAverage());
      if (QueryBenchmark.QUERIES > 0) {
        new QueryBenchmark(db, textSearch, roundTrips, START, STEP.multipliedBy(stored), StoreBenchmark::report,
            Boolean.getBoolean("newsflow.bench.times") ? times : null).run();
      }
      report("done; load average %s", loadAverage());
    }
  }

  /** Wire bytes per command, when {@code newsflow.bench.bytes} is set. */
  private final CommandBytes bytes = new CommandBytes();
  /** Command times per collection on each progress line, when {@code newsflow.bench.times} is set (what grows with the store). */
  private final CommandTimes times = new CommandTimes();
  private int seededBatches;

  /** A throughput by wall clock and per second of this process's CPU time. */
  record Rate(double wall, double cpu) {}

  private Rate rawInsertRate(MongoDatabase db, int n) {
    MongoCollection<Document> raw = db.getCollection("raw_articles");
    SyntheticCorpus corpus = new SyntheticCorpus(7, START, STEP);
    long t0 = System.nanoTime();
    long c0 = cpuNanos();
    List<Document> batch = new ArrayList<>(BATCH);
    for (int i = 0; i < n; i++) {
      batch.add(Codecs.articleDocument(corpus.next()));
      if (batch.size() == BATCH || i == n - 1) {
        raw.insertMany(batch);
        batch.clear();
      }
    }
    Rate rate = new Rate(n / ((System.nanoTime() - t0) / 1e9), n / ((cpuNanos() - c0) / 1e9));
    raw.drop();
    return rate;
  }

  /** Seeds (or continues seeding) the store through the writer; null when nothing was left to write. */
  private Rate seed(MongoDatabase db, int n, double maxMinutes) {
    MongoCollection<Document> meta = db.getCollection("bench_meta");
    Document state = meta.find(Filters.eq("_id", "seed")).first();
    int from = 0;
    if (state != null) {
      if (state.getInteger("perDay") != PER_DAY) {
        throw new IllegalStateException("the store in this folder was seeded as " + state.toJson() + ": use another folder");
      }
      from = state.getInteger("written");
    }
    if (from >= n) {
      report("store already seeded with %d articles", from);
      return null;
    }
    ArticleWriter writer = new ArticleWriter(db, List.of(new ArticleLinks(db), new EventTimeline(db), new CooccurrenceDays(db)),
        Clock.systemUTC());
    report("stale-version guard on this server: %s", writer.staleVersionGuard());
    SyntheticCorpus corpus = new SyntheticCorpus(42, START, STEP).skipTo(from);
    long t0 = System.nanoTime();
    long c0 = cpuNanos();
    long lastT = t0;
    long lastC = c0;
    int lastI = from;
    int lastBatches = seededBatches;
    times.perBatchAndReset(1, 100);
    long deadline = maxMinutes * 60e9 >= Long.MAX_VALUE / 2 ? Long.MAX_VALUE : t0 + (long) (maxMinutes * 60e9);
    String until = System.getProperty("newsflow.bench.seedUntil");
    if (until != null) {
      // a wall-clock end, for a run that may wait long for the shared benchmark lock
      deadline = Math.min(deadline, t0 + Duration.between(Instant.now(), Instant.parse(until)).toNanos());
    }
    List<EnrichedArticle> batch = new ArrayList<>(BATCH);
    int i = from;
    while (i < n && (deadline == Long.MAX_VALUE || System.nanoTime() < deadline)) {
      batch.add(corpus.next());
      i++;
      if (batch.size() == BATCH || i == n) {
        writer.write(batch);
        batch.clear();
        seededBatches++;
        meta.replaceOne(Filters.eq("_id", "seed"), new Document("perDay", PER_DAY).append("written", i),
            new ReplaceOptions().upsert(true));
        if (i - lastI >= Math.max(BATCH, n / 20) || i == n) {
          long now = System.nanoTime();
          long cpu = cpuNanos();
          report("  written %d: last %d at %.0f/s wall, %.0f per CPU-s; load %s", i, i - lastI,
              (i - lastI) / ((now - lastT) / 1e9), (i - lastI) / ((cpu - lastC) / 1e9), loadAverage());
          if (Boolean.getBoolean("newsflow.bench.times")) {
            report("    ms per batch by command: %s", times.perBatchAndReset(seededBatches - lastBatches, 3));
          }
          lastBatches = seededBatches;
          lastT = now;
          lastC = cpu;
          lastI = i;
        }
      }
    }
    if (i == from) {
      return null;
    }
    if (i < n) {
      report("seeding stopped at %d of %d articles after %.1f min (newsflow.bench.seedMinutes)", i, n, maxMinutes);
    }
    return new Rate((i - from) / ((System.nanoTime() - t0) / 1e9), (i - from) / ((cpuNanos() - c0) / 1e9));
  }

  static long cpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }

  static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).substring(0, 14).strip();
    } catch (java.io.IOException e) {
      return String.format("%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
  }

  static void report(String format, Object... args) {
    String line = String.format(format, args);
    System.out.println(line);
    try {
      // surefire may hold stdout until the test ends: the figures are also appended here as they come
      Files.createDirectories(Path.of("target"));
      Files.writeString(Path.of("target", "store-benchmark.md"), line + System.lineSeparator(),
          java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
