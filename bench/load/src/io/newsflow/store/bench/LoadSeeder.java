package io.newsflow.store.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import io.newsflow.localstack.EmbeddedMongoServer;
import io.newsflow.model.article.EnrichedArticle;
import io.newsflow.store.article.ArticleLinks;
import io.newsflow.store.article.ArticleWriter;
import io.newsflow.store.mongo.Indexes;
import io.newsflow.store.timeline.CooccurrenceDays;
import io.newsflow.store.timeline.EventTimeline;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Seeds the gateway load test: starts an in-memory MongoDB-wire server on a given port, writes N
 * synthetic articles through store-service's own {@link ArticleWriter} (articles plus every read model,
 * so store-service's queries see what production would), then keeps serving until killed or until
 * its lifetime runs out (so a forgotten run stops by itself).
 *
 * <p>It lives in StoreBenchmark's package only to reuse the package-private {@code SyntheticCorpus}
 * (same generator, seed and span as the store benchmark) rather than a second copy of it.
 *
 * <pre>java -cp ... io.newsflow.store.bench.LoadSeeder PORT ARTICLES DAYS SEED_BUDGET_S LIFETIME_S READY_FILE</pre>
 */
public final class LoadSeeder {

  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[0]);
    int articles = Integer.parseInt(args[1]);
    int days = Integer.parseInt(args[2]);
    long budgetNanos = Long.parseLong(args[3]) * 1_000_000_000L;
    long lifetimeMillis = Long.parseLong(args[4]) * 1000L;
    Path ready = Path.of(args[5]);
    int batchSize = 500;

    EmbeddedMongoServer server = new EmbeddedMongoServer(null, port).start();
    Runtime.getRuntime().addShutdownHook(new Thread(server::close, "seeder-shutdown"));
    int written = 0;
    long t0 = System.nanoTime();
    try (MongoClient client = MongoClients.create(server.uri())) {
      MongoDatabase db = client.getDatabase("newsflow");
      Indexes.ensure(db);
      ArticleWriter writer = new ArticleWriter(db,
          List.of(new ArticleLinks(db), new EventTimeline(db), new CooccurrenceDays(db)), Clock.systemUTC());
      SyntheticCorpus corpus = new SyntheticCorpus(42, StoreBenchmark.START, java.time.Duration.ofDays(days), articles);
      List<EnrichedArticle> batch = new ArrayList<>(batchSize);
      while (written < articles) {
        // the budget is checked per batch: a slow backend leaves a smaller but consistent store
        if (System.nanoTime() - t0 > budgetNanos) {
          System.out.printf("seed budget used up: stopping at %d of %d articles%n", written, articles);
          break;
        }
        int n = Math.min(batchSize, articles - written);
        for (int i = 0; i < n; i++) {
          batch.add(corpus.next());
        }
        writer.write(batch);
        batch.clear();
        written += n;
        if (written % 10_000 == 0 || written == articles) {
          System.out.printf("written %d in %.1f s%n", written, (System.nanoTime() - t0) / 1e9);
        }
      }
      long docs = db.getCollection("articles").countDocuments();
      double seconds = (System.nanoTime() - t0) / 1e9;
      String line = String.format("articles=%d seconds=%.1f rate=%.0f uri=%s%n", docs, seconds, written / seconds, server.uri());
      System.out.print("seeded " + line);
      Files.writeString(ready, line);
    }
    Thread.sleep(lifetimeMillis);
    System.out.println("seeder lifetime over, stopping");
    System.exit(0);
  }
}
