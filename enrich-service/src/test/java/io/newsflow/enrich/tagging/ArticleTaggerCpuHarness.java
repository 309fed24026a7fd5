package io.newsflow.enrich.tagging;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.util.List;

/**
 * Companion to {@link ArticleTaggerBenchmark} for a shared, overloaded machine: measures the CPU time
 * of the tagging thread rather than wall time, so other processes' load does not count against it
 * (cache and memory-bus contention still does). Run by hand; prints articles per CPU-second.
 */
public final class ArticleTaggerCpuHarness {

  private ArticleTaggerCpuHarness() {}

  public static void main(String[] args) throws Exception {
    ArticleTaggerBenchmark source = new ArticleTaggerBenchmark();
    source.setUp();
    List<String[]> articles = source.articles();
    ArticleTagger tagger = ArticleTagger.loadDefault();
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    Instant published = Instant.parse("2024-09-12T08:00:00Z");
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
    int perRound = 2_000;
    long sink = 0;
    for (int round = 0; round < rounds; round++) {
      long start = mx.getCurrentThreadCpuTime();
      for (int i = 0; i < perRound; i++) {
        String[] a = articles.get(i % articles.size());
        sink += tagger.tag(a[0], a[1], published).actors().size();
      }
      double seconds = (mx.getCurrentThreadCpuTime() - start) / 1e9;
      System.out.printf("round %d: %.0f articles per CPU-second (%.1f us each)%n", round, perRound / seconds,
          seconds * 1e6 / perRound);
    }
    System.out.println("checksum " + sink);
  }
}
