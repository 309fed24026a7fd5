package io.newsflow.store.bench;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import io.newsflow.localstack.EmbeddedMongoServer;
import io.newsflow.model.article.EnrichedArticle;
import io.newsflow.store.article.ArticleWriter;
import io.newsflow.store.config.StoreConfig;
import io.newsflow.store.mongo.Collections;
import io.newsflow.store.mongo.Indexes;
import io.newsflow.store.timeline.Aggregates;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Benchmark harness for the end-to-end run's shape (issue 7): every article in one publication hour, 1,000 feeds,
 * ~5 KB each, written through {@link ArticleWriter} in batches of 500 to the persistent (H2) embedded server, as
 * store-service does behind Kafka. Skipped unless asked for:
 * <pre>
 * java -cp ... io.newsflow.store.bench.BurstBenchmark 40000
 * </pre>
 * Every {@code newsflow.burst.every} articles (2,500) it prints the window's articles/s by wall clock, the
 * writer thread's CPU per article (client: store-service code and the driver) and the CPU of every other thread
 * per article (the server's threads, H2's background writer, GC and JIT), and the wall time per batch spent in
 * each collection's commands ({@link CommandTimes}). Settings ({@code -D}): {@code newsflow.burst.feeds} (1,000),
 * {@code .dir} (keep the H2 store there; a fresh temp folder otherwise), {@code .every}, {@code .minutes} (stop
 * after this long), {@code .actorsPerArticle} (0: the synthetic corpus's 2-4 actors; the end-to-end corpus's articles
 * name many more, see {@link BurstCorpus}), {@code .eventsPerArticle} (0: one event in a third of the articles; the
 * end-to-end corpus's enriched articles carry ~11.8), {@code newsflow.bench.batch} (500), {@code .census} (false: true
 * also prints each command's documents per batch and the read models' document sizes at the end, {@link DocumentCensus};
 * its CPU figures are then not comparable, as every command is encoded once more), {@code .eventReads} (N: time
 * each event query N times on the store at the end, {@link BurstEventReads}; unset: none).
 */
public class BurstBenchmark {

  static final Instant HOUR = Instant.parse("2026-11-27T16:00:00Z");

  public static void main(String[] args) throws Exception {
    System.setProperty("newsflow.burst.articles", args.length > 0 ? args[0] : "40000");
    new BurstBenchmark().run();
  }

  @Test
  void run() throws Exception {
    Integer articles = Integer.getInteger("newsflow.burst.articles");
    Assumptions.assumeTrue(articles != null, "benchmark harness: run with -Dnewsflow.burst.articles=N");
    int feeds = Integer.getInteger("newsflow.burst.feeds", 1000);
    int every = Integer.getInteger("newsflow.burst.every", 2500);
    int batchSize = StoreBenchmark.BATCH;
    double minutes = Double.parseDouble(System.getProperty("newsflow.burst.minutes", "1e9"));
    String dirSetting = System.getProperty("newsflow.burst.dir");
    Path dir = dirSetting == null ? Files.createTempDirectory("store-burst") : Files.createDirectories(Path.of(dirSetting));
    CommandTimes times = new CommandTimes();
    // census: documents per batch by command, and the read models' document sizes at the end (CPU figures not comparable)
    boolean census = Boolean.getBoolean("newsflow.burst.census");
    CommandBytes bytes = new CommandBytes();
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    try (EmbeddedMongoServer server = new EmbeddedMongoServer(dir, 0).start();
        MongoClient client = MongoClients.create(clientSettings(server.uri(), times, census ? bytes : null))) {
      MongoDatabase db = client.getDatabase("burst");
      Indexes.ensure(db);
      ArticleWriter writer = StoreConfig.writerWithReadModels(db, Clock.systemUTC());
      StoreBenchmark.report("# burst benchmark: %d articles in one hour (%s), %d feeds, %s actors an article, %s events an article, batch %d, H2 store in %s, %s, load %s",
          articles, HOUR, feeds, Integer.getInteger("newsflow.burst.actorsPerArticle", 0) > 0
              ? Integer.getInteger("newsflow.burst.actorsPerArticle").toString() : "2-4",
          Integer.getInteger("newsflow.burst.eventsPerArticle", 0) > 0 ? Integer.getInteger("newsflow.burst.eventsPerArticle").toString() : "1 in 3 articles: 1",
          batchSize, dir, Runtime.version(), StoreBenchmark.loadAverage());
      StoreBenchmark.report("| stored | window articles/s wall | writer-thread CPU ms/article | other threads CPU ms/article | wall ms per batch: all commands, and each command taking ≥ 2 %% | load |");
      BurstCorpus corpus = new BurstCorpus(HOUR, articles, feeds);
      long start = System.nanoTime();
      long deadline = start + (long) Math.min(minutes * 60e9, Long.MAX_VALUE / 2);
      long t0 = start;
      long w0 = threads.getCurrentThreadCpuTime();
      long p0 = StoreBenchmark.cpuNanos();
      int last = 0;
      int batches = 0;
      int allBatches = 0;
      List<EnrichedArticle> batch = new ArrayList<>(batchSize);
      int i = 0;
      while (i < articles && System.nanoTime() < deadline) {
        batch.add(corpus.next(i));
        i++;
        if (batch.size() == batchSize || i == articles) {
          writer.write(batch);
          batch.clear();
          batches++;
          allBatches++;
          if (i - last >= every || i == articles) {
            long t = System.nanoTime();
            long w = threads.getCurrentThreadCpuTime();
            long p = StoreBenchmark.cpuNanos();
            int n = i - last;
            StoreBenchmark.report("| %d | %.0f | %.2f | %.2f | %s | %s |", i, n / ((t - t0) / 1e9), (w - w0) / 1e6 / n,
                ((p - p0) - (w - w0)) / 1e6 / n, times.perBatchAndReset(batches, 2), StoreBenchmark.loadAverage());
            t0 = t;
            w0 = w;
            p0 = p;
            last = i;
            batches = 0;
          }
        }
      }
      long c0 = System.nanoTime();
      Aggregates.Cooccurrence pairs = new Aggregates(db).cooccurrence(null, LocalDate.of(2026, 11, 27), LocalDate.of(2026, 11, 28), 20);
      StoreBenchmark.report("stored %d in %.0f s; co-occurrence of the day: %d pairs in %.1f ms; CPU by thread group (s): %s",
          i, (c0 - start) / 1e9, pairs.pairs().size(), (System.nanoTime() - c0) / 1e6, cpuByThreadGroup(threads));
      StoreBenchmark.report("update statements per batch (documents updated): event_buckets %.0f, timeline_buckets %.0f; load %s",
          times.updatesPerBatch(Collections.EVENT_BUCKETS, allBatches), times.updatesPerBatch(Collections.TIMELINE_BUCKETS, allBatches),
          StoreBenchmark.loadAverage());
      Integer eventReads = Integer.getInteger("newsflow.burst.eventReads");
      if (eventReads != null) {
        BurstEventReads.run(db, eventReads);
      }
      if (census) {
        StoreBenchmark.report("per batch of the run (%d batches):%n%s", allBatches, bytes.table(allBatches));
        StoreBenchmark.report("read-model documents at the end:%n%s", DocumentCensus.table(db));
      }
    }
  }

  private static MongoClientSettings clientSettings(String uri, CommandTimes times, CommandBytes bytes) {
    MongoClientSettings.Builder settings = MongoClientSettings.builder().applyConnectionString(new ConnectionString(uri))
        .addCommandListener(times);
    return (bytes == null ? settings : settings.addCommandListener(bytes)).build();
  }

  /** CPU seconds per thread name with its numbers dropped (server workers, H2's writer, the writer thread). */
  static Map<String, String> cpuByThreadGroup(ThreadMXBean threads) {
    Map<String, Long> groups = new TreeMap<>();
    for (var info : threads.getThreadInfo(threads.getAllThreadIds())) {
      if (info != null) {
        long cpu = threads.getThreadCpuTime(info.getThreadId());
        groups.merge(info.getThreadName().replaceAll("\\d+", "#"), Math.max(0, cpu), Long::sum);
      }
    }
    Map<String, String> out = new TreeMap<>();
    groups.forEach((name, ns) -> {
      if (ns > 500_000_000L) {
        out.put(name, String.format("%.1f", ns / 1e9));
      }
    });
    return out;
  }
}
