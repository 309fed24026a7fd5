package io.newsflow.enrich.bench;

import java.lang.management.ManagementFactory;

/**
 * {@link EnrichmentBenchmark}'s work measured in CPU time of the enriching thread, for a shared,
 * overloaded machine where JMH's wall-clock scores swing with other processes' load (cache and
 * memory-bus contention still counts). Run by hand (see BENCHMARKS.md); prints articles per
 * CPU-second for the whole enrichment and for the dedupe stage alone.
 */
public final class EnrichmentCpuHarness {

  private EnrichmentCpuHarness() {}

  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
    int perRound = args.length > 1 ? Integer.parseInt(args[1]) : 4_000;
    EnrichmentBenchmark bench = new EnrichmentBenchmark();
    bench.load();
    // the com.sun bean also counts the bytes this thread allocates, which the service's GC pays for
    com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long sink = 0;
    for (int round = 0; round < rounds; round++) {
      long start = mx.getCurrentThreadCpuTime();
      long allocated = mx.getCurrentThreadAllocatedBytes();
      for (int i = 0; i < perRound; i++) {
        sink += bench.enrichOneArticle().length;
      }
      long enrich = mx.getCurrentThreadCpuTime() - start;
      allocated = mx.getCurrentThreadAllocatedBytes() - allocated;
      start = mx.getCurrentThreadCpuTime();
      for (int i = 0; i < perRound; i++) {
        sink += bench.dedupeOneArticle().hashCode() & 1;
      }
      long dedupe = mx.getCurrentThreadCpuTime() - start;
      System.out.printf("round %d: whole enrichment %.0f articles per CPU-second (%.1f us, %.1f KB allocated each); "
              + "dedupe stage %.0f (%.1f us)%n", round, perRound / (enrich / 1e9), enrich / 1e3 / perRound,
          allocated / 1024.0 / perRound, perRound / (dedupe / 1e9), dedupe / 1e3 / perRound);
    }
    System.out.println("checksum " + sink);
  }
}
