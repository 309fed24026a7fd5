package io.newsflow.enrich.bench;

import io.newsflow.enrich.dedupe.ContentFingerprint;
import io.newsflow.enrich.dedupe.DedupeSettings;
import io.newsflow.enrich.dedupe.Deduplicator;
import io.newsflow.enrich.dedupe.SignatureSink;
import io.newsflow.enrich.pipeline.EnrichedArticleWriter;
import io.newsflow.enrich.pipeline.EnrichmentPipeline;
import io.newsflow.enrich.pipeline.RawArticleReader;
import io.newsflow.enrich.support.BenchArticles;
import io.newsflow.enrich.tagging.ArticleTagger;
import io.newsflow.model.article.EnrichedArticle;
import io.newsflow.model.article.RawArticle;
import io.newsflow.model.json.EventJson;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The whole enrichment of one 5 KB article on one thread: decode the raw JSON, validate, fingerprint,
 * dedupe, tag actors, themes and dated events, and encode the enriched JSON. The Kafka send is not
 * included (see ServiceThroughputHarness for the service on a real broker). Run as in BENCHMARKS.md.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
@Threads(1)
public class EnrichmentBenchmark {

  static final int ARTICLES = 8192;

  ArticleTagger tagger;
  byte[][] records;
  String[] keys;
  EnrichmentPipeline pipeline;
  Deduplicator deduplicator;
  int next;

  @Setup(Level.Trial)
  public void load() {
    tagger = ArticleTagger.loadDefault();
    List<RawArticle> articles = BenchArticles.generate(ARTICLES, 42);
    records = new byte[ARTICLES][];
    keys = new String[ARTICLES];
    for (int i = 0; i < ARTICLES; i++) {
      records[i] = EventJson.toBytes(articles.get(i));
      keys[i] = articles.get(i).articleId();
    }
    freshIndex();
  }

  /** Each pass over the articles starts from an empty index, so every article is enriched, not dropped as a replay. */
  void freshIndex() {
    deduplicator = new Deduplicator(DedupeSettings.DEFAULTS, "bench", SignatureSink.NONE);
    pipeline = new EnrichmentPipeline(tagger, deduplicator, Clock.systemUTC());
    next = 0;
  }

  @Benchmark
  public byte[] enrichOneArticle() {
    if (next == ARTICLES) {
      freshIndex();
    }
    int i = next++;
    EnrichedArticle enriched = pipeline.enrich(keys[i], records[i], "bench-0@" + i).orElseThrow();
    return EnrichedArticleWriter.toBytes(enriched); // as EnrichedArticlePublisher does
  }

  /** The dedupe stage alone (decode, fingerprint, verdict), to tell its cost from tagging's. */
  @Benchmark
  public Object dedupeOneArticle() {
    if (next == ARTICLES) {
      freshIndex();
    }
    int i = next++;
    RawArticle raw = RawArticleReader.fromBytes(records[i]); // as EnrichmentPipeline does
    return deduplicator.decide(raw, ContentFingerprint.of(raw.text(), raw.contentHash()), "bench-0@" + i, List.of("KAZ"))
        .orElseThrow();
  }
}
