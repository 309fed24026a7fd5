package io.newsflow.bench.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Collects the figures of one run and writes them as Markdown. */
final class Report {

  private final Settings s;
  private final Corpus corpus;
  private final List<String> notes = new ArrayList<>();
  private final List<String> progress = new ArrayList<>();
  private final List<Ceilings.Ceiling> ceilings = new ArrayList<>();
  private final List<String> ceilingLoads = new ArrayList<>();
  private final StringBuilder body = new StringBuilder();
  private double endToEndRate = -1;

  Report(Settings s, Corpus corpus) {
    this.s = s;
    this.corpus = corpus;
  }

  static String loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return f[0] + " " + f[1] + " " + f[2];
    } catch (IOException e) {
      return "?";
    }
  }

  void note(String line) {
    notes.add(Instant.now() + " " + line);
    System.out.println(line);
  }

  void progress(String line) {
    progress.add(line);
  }

  void ceiling(Ceilings.Ceiling c, String load) {
    ceilings.add(c);
    ceilingLoads.add(load);
    note(String.format("ceiling %s: %.0f/s (%s)", c.name(), c.perSecond(), c.detail()));
  }

  void releaseStarted(long start, String load) {
    note("release started at " + Instant.ofEpochMilli(start) + (s.isPaced() ? " at " + s.rate() + " articles/s" : ", every article at once")
        + "; load average " + load);
  }

  void feedServer(long requests, long notModified, long bytes) {
    body.append(String.format("%nFeed server: %,d feed requests, %,d answered 304, %,d MB served.%n", requests, notModified, bytes / 1_000_000));
  }

  void pipeline(Probe probe, FeedServer feeds, long start, Map<Integer, Long> gatewaySeen) {
    List<Long> release = new ArrayList<>();
    List<Long> fetch = new ArrayList<>();
    List<Long> toFetch = new ArrayList<>();
    List<Long> fetchToEnriched = new ArrayList<>();
    List<Long> enrichedToStored = new ArrayList<>();
    List<Long> steady = new ArrayList<>();
    int steadyOffered = 0;
    long steadyFrom = start + s.warmupSeconds() * 1000;
    Map<String, Integer> verdicts = new TreeMap<>();
    long lastStored = start;
    int stored = 0;
    for (int i = 0; i < corpus.size(); i++) {
      Probe.Seen seen = probe.seen.get(i);
      if (feeds.releaseMillis(i) >= steadyFrom) {
        steadyOffered++;
      }
      if (seen == null) {
        continue;
      }
      verdicts.merge(seen.verdict(), 1, Integer::sum);
      long at = probe.storedAt(seen);
      long released = feeds.releaseMillis(i);
      toFetch.add(seen.fetchedAtMillis() - released);
      fetchToEnriched.add(seen.enrichedAtMillis() - seen.fetchedAtMillis());
      if (at < 0) {
        continue;
      }
      stored++;
      lastStored = Math.max(lastStored, at);
      release.add(at - released);
      if (released >= steadyFrom) {
        steady.add(at - released);
      }
      fetch.add(at - seen.fetchedAtMillis());
      enrichedToStored.add(at - seen.enrichedAtMillis());
    }
    double seconds = (lastStored - start) / 1000.0;
    endToEndRate = stored / Math.max(0.001, seconds);
    body.append("\n## Pipeline\n\n");
    body.append(String.format("Offered: %,d articles in %,d feeds, %s. Read back from the enriched topic: %,d (%,d repeated deliveries, %d unreadable). "
            + "Stored (store-service committed past them): %,d. Verdicts: %s.%n%n",
        corpus.size(), corpus.feeds(), s.isPaced() ? "released at " + s.rate() + "/s" : "all released at once",
        probe.seen.size(), probe.duplicateDeliveries, probe.unreadable, stored, verdicts));
    long originals = Math.max(1, probe.originals.sum());
    body.append(String.format("Tags per original article, as enrich gave them (%,d originals; `CORPUS=%s`): %.1f actors, %.1f themes, "
            + "%.1f dated events.%n%n", probe.originals.sum(), s.density().name().toLowerCase(java.util.Locale.ROOT),
        probe.actorTags.sum() / (double) originals, probe.themeTags.sum() / (double) originals, probe.datedEvents.sum() / (double) originals));
    body.append(String.format("**End to end: %,d articles stored in %.1f s after the release = %.0f articles/s.**%n%n", stored, seconds, endToEndRate));
    body.append("| stage (counted in Kafka) | reached its final count after | average rate from release | rate between 10% and 90% |\n|---|---|---|---|\n");
    stage(probe, start, "raw published by ingest (raw topic end offsets)", Probe.Sample::raw);
    stage(probe, start, "enriched by enrich (enriched topic end offsets)", Probe.Sample::enriched);
    stage(probe, start, "stored by store (committed offsets of newsflow-store)", Probe.Sample::stored);
    body.append("\n| latency (ms) | n | p50 | p90 | p99 | max |\n|---|---|---|---|---|---|\n");
    latency("freshness: item released in its feed → stored", release);
    if (s.warmupSeconds() > 0) {
      // articles never stored are left out of the percentiles, so the count beside them matters
      latency(String.format("freshness after warm-up: released ≥ %d s after the start → stored (%,d of the %,d offered then)",
          s.warmupSeconds(), steady.size(), steadyOffered), steady);
    }
    latency("freshness: ingest's fetch (fetchedAt) → stored", fetch);
    latency("  release → fetched by ingest (polling)", toFetch);
    latency("  fetched → enriched record written", fetchToEnriched);
    latency("  enriched record → stored", enrichedToStored);
    if (!gatewaySeen.isEmpty()) {
      List<Long> viaGateway = new ArrayList<>();
      gatewaySeen.forEach((index, at) -> viaGateway.add(at - feeds.releaseMillis(index)));
      latency("release → first 200 from GET /api/v1/articles/{id} (sample, polled from every 100 ms to 1 s)", viaGateway);
    }
    body.append("\nStored times are observed by polling store's committed offsets every 100 ms, so they are late by up to one poll.\n");
  }

  private void stage(Probe probe, long start, String name, java.util.function.ToLongFunction<Probe.Sample> count) {
    List<Probe.Sample> samples = probe.samples;
    long finalCount = samples.isEmpty() ? 0 : count.applyAsLong(samples.get(samples.size() - 1));
    long reached = -1;
    long t10 = -1;
    long t90 = -1;
    for (Probe.Sample sample : samples) {
      long c = count.applyAsLong(sample);
      if (t10 < 0 && c >= finalCount * 0.1) {
        t10 = sample.atMillis();
      }
      if (t90 < 0 && c >= finalCount * 0.9) {
        t90 = sample.atMillis();
      }
      if (reached < 0 && c >= finalCount) {
        reached = sample.atMillis();
      }
    }
    double total = (reached - start) / 1000.0;
    double middle = (t90 - t10) / 1000.0;
    body.append(String.format("| %s: %,d | %.1f s | %.0f/s | %s |%n", name, finalCount, total, finalCount / Math.max(0.001, total),
        middle > 0 ? String.format("%.0f/s", finalCount * 0.8 / middle) : "–"));
  }

  private void latency(String name, List<Long> values) {
    long[] v = values.stream().mapToLong(Long::longValue).sorted().toArray();
    if (v.length == 0) {
      body.append("| ").append(name).append(" | 0 | | | | |\n");
      return;
    }
    body.append(String.format("| %s | %,d | %,d | %,d | %,d | %,d |%n", name, v.length, pct(v, 50), pct(v, 90), pct(v, 99), v[v.length - 1]));
  }

  static long pct(long[] sorted, double p) {
    int rank = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank))];
  }

  void processes(Stack stack, Map<String, Long> before, Map<String, Long> after, Map<String, Long> peak) {
    body.append("\n## Processes\n\n| process | JVM options | CPU s during the run (user+sys) | CPU ms per article | peak RSS (VmHWM) MiB |\n|---|---|---|---|---|\n");
    stack.children.forEach((name, child) -> {
      double cpu = (after.getOrDefault(name, 0L) - before.getOrDefault(name, 0L)) / 1000.0;
      body.append(String.format("| %s | `%s` | %.1f | %.2f | %,d |%n", name, String.join(" ", child.jvmOptions), cpu,
          cpu * 1000 / Math.max(1, corpus.size()), peak.getOrDefault(name, -1L) / 1024));
    });
    body.append("\nService settings chosen by the harness: ").append(stack.settings).append('\n');
  }

  void storeCommands(Map<String, StoreCommands.Timing> commands, int stored, long readBackRequests) {
    body.append("\n## Store-service's MongoDB commands during the run\n\n");
    if (commands.isEmpty()) {
      body.append("Not available: store-service's Prometheus scrape gave no `mongodb_driver_commands_seconds`.\n");
      return;
    }
    double total = commands.values().stream().mapToDouble(StoreCommands.Timing::seconds).sum();
    body.append(String.format("Wall time of each command as the store's driver saw it (server work plus the round trip), %,d articles "
        + "stored; commands overlap when the store runs several consumer threads.%n%n"
        + "| collection command | calls | seconds | ms per stored article | share |%n|---|---|---|---|---|%n", stored));
    commands.entrySet().stream().sorted((a, b) -> Double.compare(b.getValue().seconds(), a.getValue().seconds())).forEach(e ->
        body.append(String.format("| %s | %,d | %.1f | %.2f | %.0f %% |%n", e.getKey(), e.getValue().count(), e.getValue().seconds(),
            e.getValue().seconds() * 1000 / Math.max(1, stored), 100 * e.getValue().seconds() / Math.max(1e-9, total))));
    if (readBackRequests > 0) {
      body.append(String.format("%nThe `articles find` row includes the harness's own read-back sample: %,d requests of "
          + "GET /api/v1/articles/{id}, mostly of articles not yet stored (the gateway keeps no error answer), each one lookup by `_id` "
          + "in the store: read latency under load, not the writer's work.%n", readBackRequests));
    }
  }

  void feedGaps(FeedGaps.Result g) {
    if (!g.reported()) {
      body.append(String.format("%nFeed windows: %,d released items in %,d feeds were not read back from the enriched topic by the end "
          + "(in a complete run: never fetched, the feed's window had moved on); this ingest build reports no suspected gaps.%n",
          g.itemsLost(), g.feedsWithLosses()));
      return;
    }
    body.append(String.format("%nFeed windows: %,d released items in %,d feeds were not read back from the enriched topic by the end "
        + "(in a complete run: never fetched, the feed's window had moved on). Ingest's feed health flagged %,d of those %,d feeds "
        + "with a suspected gap (%,d polls in all) and %,d feeds that lost nothing%s.%n",
        g.itemsLost(), g.feedsWithLosses(), g.flaggedOfThose(), g.feedsWithLosses(), g.gapPolls(), g.flaggedNoLoss(),
        g.unmatched() > 0 ? "; " + g.unmatched() + " corpus feeds were not found in ingest's list by URL" : ""));
    if (!g.missed().isEmpty()) {
      body.append("Feeds that lost items without a suspected gap (feed: items lost), to look up in ingest's log: ").append(g.missed()).append(".\n");
    }
  }

  void verify(int[] foundAsked) {
    body.append(String.format("%nRead back through the gateway after the run: %d of %d stored articles (spread over the run) answered 200 on GET /api/v1/articles/{id}%s.%n",
        foundAsked[0], foundAsked[1], foundAsked[2] > 0 ? " (" + foundAsked[2] + " timed out after 10 s)" : ""));
  }

  void dlt(long raw, long enriched) {
    body.append(String.format("Dead-letter topics: raw %d, enriched %d records.%n", raw, enriched));
  }

  void warnings(Map<String, List<String>> last, Map<String, Integer> counts) {
    body.append("\n## Warnings and errors in the service logs\n\n| process | lines with WARN or ERROR |\n|---|---|\n");
    counts.forEach((name, n) -> body.append(String.format("| %s | %,d |%n", name, n)));
    last.forEach((name, lines) -> {
      if (!lines.isEmpty()) {
        body.append("\nLast of ").append(name).append("'s:\n```\n");
        lines.forEach(l -> body.append(l).append('\n'));
        body.append("```\n");
      }
    });
  }

  void write() throws IOException {
    StringBuilder out = new StringBuilder("# newsflow end-to-end benchmark run\n\n");
    out.append(String.format("Settings: %s%n%n", Arrays.toString(new Object[] {"articles=" + s.articles(), "feeds=" + s.feeds(),
        "rate=" + (s.isPaced() ? s.rate() + "/s" : "all at once"), "poll interval=" + s.pollInterval(), "feed window=" + (s.window() == 0 ? "all" : s.window()),
        "syndicated copies≈" + s.copyShare(), "corpus=" + s.density().name().toLowerCase(java.util.Locale.ROOT), "deadline=" + s.deadlineSeconds() + "s", "seed=" + s.seed()})));
    out.append(String.format("Machine: %d cores, Java %s.%n", Runtime.getRuntime().availableProcessors(), System.getProperty("java.version")));
    if (!ceilings.isEmpty()) {
      out.append("\n## Ceilings (same broker and MongoDB-wire server, measured before the services started)\n\n| ceiling | per second | detail | load average | end-to-end / ceiling |\n|---|---|---|---|---|\n");
      double slowest = Double.MAX_VALUE;
      for (int i = 0; i < ceilings.size(); i++) {
        Ceilings.Ceiling c = ceilings.get(i);
        slowest = Math.min(slowest, c.perSecond());
        out.append(String.format("| %s | %,.0f | %s | %s | %s |%n", c.name(), c.perSecond(), c.detail(), ceilingLoads.get(i),
            endToEndRate < 0 ? "–" : String.format("%.3f", endToEndRate / c.perSecond())));
      }
      if (endToEndRate >= 0) {
        out.append(String.format("%nGoals: end to end ≥ 1,000/s: %s (%.0f/s); ≥ half the slowest ceiling (%.0f/s): %s.%n",
            endToEndRate >= 1000 ? "met" : "NOT met", endToEndRate, slowest / 2, endToEndRate >= slowest / 2 ? "met" : "NOT met"));
      }
    }
    out.append(body);
    out.append("\n## Log\n\n```\n");
    notes.forEach(n -> out.append(n).append('\n'));
    progress.forEach(p -> out.append(p).append('\n'));
    out.append("```\n");
    Files.writeString(s.out(), out);
    System.out.println("report written to " + s.out());
  }
}
