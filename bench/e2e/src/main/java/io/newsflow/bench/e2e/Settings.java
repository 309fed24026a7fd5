package io.newsflow.bench.e2e;

import java.nio.file.Path;

/**
 * What one benchmark run does, from environment variables (run.sh sets them).
 *
 * @param articles      corpus size
 * @param feeds         feeds the corpus is spread over
 * @param rate          articles released per second; 0 releases the whole corpus at once (throughput run)
 * @param pollInterval  both poll bounds of every feed (ISO-8601), i.e. how often ingest polls each feed
 * @param window        newest items a feed lists; 0 lists every released item
 * @param copyShare     share of articles that are syndicated copies of an earlier one
 * @param deadlineSeconds stop waiting for the pipeline this long after the release started
 * @param ceilingRecords records for each Kafka perf tool; 0 skips the ceilings
 * @param gatewaySampleEvery every n-th article is also polled through the gateway until readable (0: none)
 * @param density       {@code CORPUS}: how many actors and dated statements an article holds ({@link Corpus.Density})
 * @param warmupSeconds  paced runs: freshness is also reported for the articles released this long after the start
 *                      or later, when every service has compiled its hot paths (the first polls parse cold)
 * @param repo          repository root (the jars are under its modules' target/)
 * @param work          scratch folder: local-stack data, logs
 * @param out           results file (Markdown)
 */
record Settings(int articles, int feeds, double rate, String pollInterval, int window, double copyShare, long deadlineSeconds,
    int ceilingRecords, int gatewaySampleEvery, Corpus.Density density, long warmupSeconds, long seed, Path repo, Path work, Path out) {

  static Settings fromEnvironment() {
    return new Settings(
        Integer.parseInt(Stack.env("ARTICLES", "5000")),
        Integer.parseInt(Stack.env("FEEDS", "50")),
        Double.parseDouble(Stack.env("RATE", "0")),
        Stack.env("POLL_INTERVAL", "PT2S"),
        Integer.parseInt(Stack.env("WINDOW", "0")),
        Double.parseDouble(Stack.env("COPY_SHARE", "0.06")),
        Long.parseLong(Stack.env("DEADLINE_S", "900")),
        Integer.parseInt(Stack.env("CEILING_RECORDS", "50000")),
        Integer.parseInt(Stack.env("GATEWAY_SAMPLE_EVERY", "0")),
        Corpus.Density.valueOf(Stack.env("CORPUS", "calibrated").toUpperCase(java.util.Locale.ROOT)),
        Long.parseLong(Stack.env("WARMUP_S", "0")),
        Long.parseLong(Stack.env("SEED", "20261127")),
        Path.of(Stack.env("REPO", ".")).toAbsolutePath().normalize(),
        Path.of(Stack.env("WORK", "/tmp/newsflow-bench-e2e")).toAbsolutePath(),
        Path.of(Stack.env("OUT", "bench/e2e/results/run.md")).toAbsolutePath());
  }

  boolean isPaced() {
    return rate > 0;
  }
}
