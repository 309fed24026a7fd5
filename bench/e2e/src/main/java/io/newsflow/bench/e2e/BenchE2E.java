package io.newsflow.bench.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsflow.model.article.ArticleIds;
import io.newsflow.model.json.EventJson;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The end-to-end benchmark (issue 7): local-stack and the four services as child processes, a local
 * feed server with a generated corpus, feeds registered by OPML through the gateway, then the corpus
 * released (all at once, or paced) and followed through Kafka until store-service has committed every
 * article. Writes a Markdown report; see bench/e2e/README.md for what each figure means.
 */
public final class BenchE2E {

  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  /** Requests of the read-back sample ({@link #pollGateway}): each that misses the gateway's cache is an article lookup in the store. */
  private static final AtomicLong READ_BACK_REQUESTS = new AtomicLong();

  public static void main(String[] args) throws Exception {
    Settings s = Settings.fromEnvironment();
    Files.createDirectories(s.work());
    Files.createDirectories(s.out().getParent());
    Corpus corpus = new Corpus(s.seed(), s.articles(), s.feeds(), s.copyShare(), s.density());
    Report report = new Report(s, corpus);
    report.note("load average at start: " + Report.loadAverage());
    try (Stack stack = new Stack(s.repo(), s.work()); FeedServer feeds = new FeedServer(corpus, s.window())) {
      stack.startLocalStack();
      report.note("local-stack up: Kafka " + stack.kafka + ", MongoDB " + stack.mongo + " (H2 backend in " + s.work().resolve("stack/mongo") + ")");
      if (s.ceilingRecords() > 0) {
        report.ceiling(Ceilings.kafkaProducer(stack.kafka, s.ceilingRecords(), s.work().resolve("logs")), Report.loadAverage());
        report.ceiling(Ceilings.kafkaConsumer(stack.kafka, s.ceilingRecords(), s.work().resolve("logs")), Report.loadAverage());
        report.ceiling(Ceilings.mongoBulkInsert(stack.mongo, Math.max(5_000, s.ceilingRecords() / 5)), Report.loadAverage());
      }
      stack.startServices(s.pollInterval());
      report.note("services healthy; load average " + Report.loadAverage());
      register(stack, feeds, corpus, report);
      awaitFirstPolls(stack, corpus.feeds(), report);
      try (Probe probe = new Probe(stack.kafka, 100)) {
        Map<String, Long> cpuBefore = cpu(stack);
        Map<String, StoreCommands.Timing> commandsBefore = storeCommands(stack);
        long start = System.currentTimeMillis() + 1_000;
        feeds.release(start, s.rate());
        report.releaseStarted(start, Report.loadAverage());
        Map<Integer, Long> gatewaySeen = new ConcurrentHashMap<>();
        ExecutorService sampler = Executors.newVirtualThreadPerTaskExecutor();
        if (s.gatewaySampleEvery() > 0) {
          for (int i = 0; i < corpus.size(); i += s.gatewaySampleEvery()) {
            int index = i;
            sampler.submit(() -> pollGateway(stack, feeds, corpus, index, gatewaySeen));
          }
        }
        boolean complete = follow(s, corpus, probe, stack, report, start);
        sampler.shutdownNow();
        if (!complete) {
          stalled(s, probe, stack, report);
        }
        Map<String, Long> cpuAfter = cpu(stack);
        Map<String, StoreCommands.Timing> commands = StoreCommands.between(commandsBefore, storeCommands(stack));
        Map<String, Long> peak = new LinkedHashMap<>();
        stack.children.forEach((name, c) -> peak.put(name, c.peakRssKib()));
        report.feedServer(feeds.feedRequests.get(), feeds.notModified.get(), feeds.bytesServed.get());
        report.pipeline(probe, feeds, start, gatewaySeen);
        try {
          report.feedGaps(FeedGaps.compare(HTTP, stack.ingest(), feeds, corpus, probe));
        } catch (java.io.IOException | RuntimeException e) {
          report.note("the feed-window check could not read ingest's feed list: " + e);
        }
        report.processes(stack, cpuBefore, cpuAfter, peak);
        report.storeCommands(commands, probe.storedCount(0, corpus.size()), READ_BACK_REQUESTS.get());
        report.verify(verify(stack, probe));
        report.dlt(probe.total("newsflow.articles.raw.v1.dlt"), probe.total("newsflow.articles.enriched.v1.dlt"));
        Map<String, Integer> counts = new LinkedHashMap<>();
        report.warnings(Diagnostics.warnings(stack, counts), counts);
      }
    } finally {
      report.note("load average at end: " + Report.loadAverage());
      report.write();
    }
  }

  private static void register(Stack stack, FeedServer feeds, Corpus corpus, Report report) throws Exception {
    int ok = 0;
    List<String> refused = new ArrayList<>();
    List<Integer> retry = new ArrayList<>();
    long started = System.nanoTime();
    for (int from = 0; from < corpus.feeds(); from += 500) { // the gateway takes at most 500 feeds per OPML import
      StringBuilder opml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<opml version=\"2.0\"><head><title>bench</title></head><body>\n");
      for (int f = from; f < Math.min(corpus.feeds(), from + 500); f++) {
        opml.append("<outline type=\"rss\" text=\"").append(corpus.siteName(f)).append("\" xmlUrl=\"").append(feeds.feedUrl(f)).append("\"/>\n");
      }
      opml.append("</body></opml>\n");
      HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(stack.gateway() + "/api/v1/feeds/opml"))
          .header("Content-Type", "text/x-opml").header("X-API-Key", Stack.OPERATOR_KEY).timeout(Duration.ofMinutes(10))
          .POST(HttpRequest.BodyPublishers.ofString(opml.toString())).build(), HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 200) {
        throw new IllegalStateException("OPML import answered " + r.statusCode() + ": " + r.body());
      }
      int f = from;
      for (JsonNode result : EventJson.mapper().readTree(r.body()).path("results")) {
        int status = result.path("status").asInt();
        if (status == 200 || status == 201) {
          ok++;
        } else {
          retry.add(f); // e.g. 503 when ingest was slow to answer on a loaded machine
        }
        f++;
      }
    }
    for (int f : retry) { // one by one through POST /api/v1/feeds, a few attempts each
      String last = "";
      for (int attempt = 0; attempt < 3; attempt++) {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(stack.gateway() + "/api/v1/feeds"))
            .header("Content-Type", "application/json").header("X-API-Key", Stack.OPERATOR_KEY).timeout(Duration.ofMinutes(2))
            .POST(HttpRequest.BodyPublishers.ofString("{\"url\":\"" + feeds.feedUrl(f) + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
        last = r.statusCode() + " " + r.body();
        if (r.statusCode() == 200 || r.statusCode() == 201) {
          ok++;
          last = null;
          break;
        }
        Thread.sleep(2_000);
      }
      if (last != null && refused.size() < 5) {
        refused.add(feeds.feedUrl(f) + ": " + last);
      }
    }
    if (!retry.isEmpty()) {
      report.note(retry.size() + " feed(s) not registered by the OPML import were registered one by one");
    }
    report.note("registered " + ok + " of " + corpus.feeds() + " feeds by OPML through the gateway in "
        + Duration.ofNanos(System.nanoTime() - started).toSeconds() + " s" + (refused.isEmpty() ? "" : "; refused e.g. " + refused));
    if (ok != corpus.feeds()) {
      throw new IllegalStateException("not every feed registered: " + refused);
    }
  }

  /** Waits until ingest has polled every (still empty) feed once, so the release is the only news. */
  private static void awaitFirstPolls(Stack stack, int feeds, Report report) throws Exception {
    long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
    int polled = 0;
    while (System.nanoTime() < deadline) {
      HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(stack.ingest() + "/internal/v1/feeds")).timeout(Duration.ofSeconds(30)).build(),
          HttpResponse.BodyHandlers.ofString());
      polled = 0;
      for (JsonNode feed : EventJson.mapper().readTree(r.body())) {
        if (!feed.path("health").path("lastSuccessAt").isNull() && !feed.path("health").path("lastSuccessAt").isMissingNode()) {
          polled++;
        }
      }
      if (polled >= feeds) {
        report.note("every feed polled once (empty) before the release");
        return;
      }
      Thread.sleep(1_000);
    }
    throw new IllegalStateException("only " + polled + " of " + feeds + " feeds were polled within 5 minutes");
  }

  /**
   * The deadline passed with articles in the enriched topic that store-service has not committed: thread dumps of
   * store-service and local-stack (taken first, while the state lasts), and whether those articles are readable.
   */
  private static void stalled(Settings s, Probe probe, Stack stack, Report report) {
    List<String> uncommitted = probe.seen.values().stream().filter(seen -> probe.storedAt(seen) < 0).map(Probe.Seen::articleId).toList();
    if (uncommitted.isEmpty()) {
      return;
    }
    List<java.nio.file.Path> dumps = Diagnostics.threadDumps(stack, s.out(), List.of("store-service", "local-stack"));
    Probe.Sample last = probe.latest();
    report.note(String.format("store's committed offsets: %,d in the last sample (%d s old; %d samples failed, last: %s), %,d read now",
        last.stored(), (System.currentTimeMillis() - last.atMillis()) / 1000, probe.sampleFailures, probe.lastSampleFailure, probe.storedNow()));
    int[] readable = Diagnostics.readable(stack.gateway(), uncommitted, 200);
    report.note(String.format("%,d articles read from the enriched topic were not committed by store-service; of %d of them asked "
        + "through the gateway, %d are readable (stored, not committed); thread dumps: %s", uncommitted.size(), readable[1], readable[0],
        dumps.stream().map(d -> d.getFileName().toString()).toList()));
  }

  /** Follows the run until every article is stored (true) or the deadline passes (false). */
  private static boolean follow(Settings s, Corpus corpus, Probe probe, Stack stack, Report report, long start) throws InterruptedException {
    // stop following in time to write the report before run.sh's hard cap (LIFETIME_S) ends the harness
    long jvmStart = java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
    long lifetimeEnd = jvmStart + Long.parseLong(Stack.env("LIFETIME_S", "2400")) * 1000 - 120_000;
    long deadline = Math.min(start + s.deadlineSeconds() * 1000, lifetimeEnd);
    long nextLog = 0;
    while (System.currentTimeMillis() < deadline) {
      Probe.Sample last = probe.latest();
      int stored = probe.storedCount(0, corpus.size());
      if (System.currentTimeMillis() >= nextLog) {
        long age = System.currentTimeMillis() - last.atMillis();
        String line = String.format("t=%ds raw=%d enriched=%d stored(committed)=%d stored-corpus=%d/%d load=%s%s", (System.currentTimeMillis() - start) / 1000,
            last.raw(), last.enriched(), last.stored(), stored, corpus.size(), Report.loadAverage(),
            age > 5_000 ? String.format(" (figures %d s old: %d failed samples, last %s)", age / 1000, probe.sampleFailures, probe.lastSampleFailure) : "");
        System.out.println(line);
        report.progress(line);
        nextLog = System.currentTimeMillis() + 10_000;
      }
      if (stored >= corpus.size()) {
        return true;
      }
      for (var e : stack.children.entrySet()) {
        if (!e.getValue().isAlive()) {
          throw new IllegalStateException(e.getKey() + " died during the run; see " + e.getValue().log());
        }
      }
      Thread.sleep(500);
    }
    report.note("DEADLINE reached " + (System.currentTimeMillis() - start) / 1000 + " s after the release: the run stopped before every article was stored");
    return false;
  }

  /** Polls one article through the gateway from its release until it is readable; records when. */
  private static void pollGateway(Stack stack, FeedServer feeds, Corpus corpus, int index, Map<Integer, Long> seen) {
    try {
      long release = feeds.releaseMillis(index);
      long wait = release - System.currentTimeMillis();
      if (wait > 0) {
        Thread.sleep(wait);
      }
      String id = ArticleIds.fromUrl(feeds.articleUrl(corpus.article(index)));
      HttpRequest request = HttpRequest.newBuilder(URI.create(stack.gateway() + "/api/v1/articles/" + id)).timeout(Duration.ofSeconds(5)).build();
      long giveUp = System.currentTimeMillis() + 300_000;
      while (System.currentTimeMillis() < giveUp) {
        long asked = System.currentTimeMillis();
        READ_BACK_REQUESTS.incrementAndGet();
        try {
          if (HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
            seen.put(index, asked);
            return;
          }
        } catch (java.io.IOException retry) {
          // counted as not yet readable
        }
        // every 100 ms at first, then less often (up to once a second after ~9 s): the polls of articles that are
        // late must not add load in proportion to how late they are (a lagging store once drew ~1,000 reads/s)
        long pause = Math.min(1_000, 100 + (asked - release) / 10);
        Thread.sleep(Math.max(0, pause - (System.currentTimeMillis() - asked)));
      }
    } catch (InterruptedException stop) {
      Thread.currentThread().interrupt();
    }
  }

  /** Reads back through the gateway a spread of stored articles: the stored count must mean readable. */
  private static int[] verify(Stack stack, Probe probe) {
    List<String> stored = probe.seen.values().stream().filter(seen -> probe.storedAt(seen) >= 0).map(Probe.Seen::articleId).toList();
    return Diagnostics.readable(stack.gateway(), stored, 200);
  }

  /** Store-service's MongoDB command times so far; empty (and said in the report) if the scrape fails. */
  private static Map<String, StoreCommands.Timing> storeCommands(Stack stack) {
    try {
      HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(stack.store() + "/actuator/prometheus"))
          .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
      return r.statusCode() == 200 ? StoreCommands.parse(r.body()) : Map.of();
    } catch (java.io.IOException e) {
      return Map.of();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Map.of();
    }
  }

  private static Map<String, Long> cpu(Stack stack) {
    Map<String, Long> out = new LinkedHashMap<>();
    stack.children.forEach((name, c) -> out.put(name, c.cpuMillis()));
    return out;
  }
}
