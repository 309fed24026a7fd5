package io.newsflow.store.bench;

import static io.newsflow.store.timeline.EventLabels.distance;
import static io.newsflow.store.timeline.EventLabels.month;
import static io.newsflow.store.timeline.EventLabels.part;
import static io.newsflow.store.timeline.EventLabels.year;

import io.newsflow.model.article.DatedEvent;
import io.newsflow.model.article.EnrichedArticle;
import io.newsflow.store.timeline.EventLabels;
import io.newsflow.store.timeline.EventTimeline;
import io.newsflow.store.timeline.TimelineKeys;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiFunction;

/**
 * Where the event page updates of a burst come from, without a server: the burst corpus ({@link BurstCorpus}, same
 * settings as {@link BurstBenchmark}) run through bucket rules, the page slots handed out as {@link EventTimeline}
 * does ({@value EventTimeline#PAGE_CAP} refs a page, a bucket's refs of a batch pushed in one update per page). Per
 * batch and rule: event page updates by label kind and key family, refs per page update, and the refs already on
 * the pages updated (what the embedded server copies and writes again besides the new refs). Deterministic, so the
 * counts are load-free:
 * <pre>
 * java -Dnewsflow.burst.actorsPerArticle=12 -Dnewsflow.burst.eventsPerArticle=12 -cp ... io.newsflow.store.bench.EventPageCensus 8000
 * </pre>
 */
final class EventPageCensus {

  /** Label rules: that of the tree's {@link EventTimeline} and the candidates measured against it. */
  static final Map<String, BiFunction<LocalDate, LocalDate, String>> RULES = new LinkedHashMap<>();

  static {
    RULES.put("tree (EventTimeline.label)", EventTimeline::label);
    RULES.put("day <=31 d, month beyond (27 Nov)", EventLabels::dayOrMonthLabel);
    RULES.put("day <=31 d, month, year 2+ calendar years away", (s, p) -> yearsApart(s, p) >= 2 ? year(s)
        : distance(s, p) <= 31 ? s.toString() : month(s));
    RULES.put("week part <=31 d, month, year 2+ years away", (s, p) -> yearsApart(s, p) >= 2 ? year(s)
        : distance(s, p) <= 31 ? part(s) : month(s));
    RULES.put("month, year 2+ years away", (s, p) -> yearsApart(s, p) >= 2 ? year(s) : month(s));
    RULES.put("month, year 1+ years away", (s, p) -> yearsApart(s, p) >= 1 ? year(s) : month(s));
  }

  static int yearsApart(LocalDate start, LocalDate published) {
    return Math.abs(start.getYear() - published.getYear());
  }

  static String family(String key) {
    return key.equals(TimelineKeys.ALL) ? "all" : key.substring(0, key.indexOf(':') + 1);
  }

  public static void main(String[] args) {
    int articles = args.length > 0 ? Integer.parseInt(args[0]) : 8000;
    int batchSize = StoreBenchmark.BATCH;
    StoreBenchmark.report("# event page census: burst of %d articles, batch %d, %s actors, %s events an article", articles, batchSize,
        Integer.getInteger("newsflow.burst.actorsPerArticle", 0), Integer.getInteger("newsflow.burst.eventsPerArticle", 0));
    List<List<EnrichedArticle>> batches = new ArrayList<>();
    BurstCorpus corpus = new BurstCorpus(BurstBenchmark.HOUR, articles, Integer.getInteger("newsflow.burst.feeds", 1000));
    for (int i = 0; i < articles; i += batchSize) {
      List<EnrichedArticle> batch = new ArrayList<>();
      for (int n = i; n < Math.min(articles, i + batchSize); n++) {
        batch.add(corpus.next(n));
      }
      batches.add(batch);
    }
    describeEvents(batches);
    StoreBenchmark.report("| rule | page updates per batch (day / part / month / year) | by key family (all / a: / t:) | refs per update | refs on the updated pages before (per batch) | index updates | labels of a key per batch (mean, max) |");
    StoreBenchmark.report("|---|---|---|---|---|---|---|");
    RULES.forEach((name, rule) -> census(name, rule, batches));
  }

  /** Keys per event, and how far its day is from its article's publication. */
  private static void describeEvents(List<List<EnrichedArticle>> batches) {
    long events = 0;
    long refs = 0;
    Map<String, Long> distances = new TreeMap<>();
    for (List<EnrichedArticle> batch : batches) {
      for (EnrichedArticle a : batch) {
        if (a.dedupe().isDuplicate()) {
          continue;
        }
        LocalDate published = EventTimeline.publishedDay(a);
        for (DatedEvent e : a.events()) {
          events++;
          refs += keys(e).size();
          long d = e.start().toEpochDay() - published.toEpochDay();
          String range = d > 31 ? "d +32.." : d > 0 ? "c +1..31" : d >= -31 ? "b -31..0" : yearsApart(e.start(), published) < 2
              ? "a -32.. same or last year" : "0 two or more years before";
          distances.merge(range, 1L, Long::sum);
        }
      }
    }
    StoreBenchmark.report("events of non-duplicates: %d (%.0f a batch), %.2f keys an event; days from publication: %s", events,
        (double) events / batches.size(), (double) refs / events, distances);
  }

  static List<String> keys(DatedEvent e) {
    Set<String> keys = new java.util.LinkedHashSet<>();
    keys.add(TimelineKeys.ALL);
    e.actors().forEach(a -> keys.add(TimelineKeys.actor(a)));
    e.themes().forEach(t -> keys.add(TimelineKeys.theme(t)));
    return List.copyOf(keys);
  }

  private static void census(String name, BiFunction<LocalDate, LocalDate, String> rule, List<List<EnrichedArticle>> batches) {
    Map<String, Long> slots = new HashMap<>();
    Map<String, Long> byKind = new TreeMap<>();
    Map<String, Long> byFamily = new TreeMap<>();
    long updates = 0;
    long refs = 0;
    long before = 0;
    long indexUpdates = 0;
    long labelsPerKey = 0;
    long keysTouched = 0;
    long maxLabels = 0;
    int cap = EventTimeline.PAGE_CAP;
    for (List<EnrichedArticle> batch : batches) {
      Map<String, Long> added = new LinkedHashMap<>();
      for (EnrichedArticle a : batch) {
        if (a.dedupe().isDuplicate()) {
          continue;
        }
        LocalDate published = EventTimeline.publishedDay(a);
        for (DatedEvent e : a.events()) {
          String label = rule.apply(e.start(), published);
          keys(e).forEach(key -> added.merge(key + "|" + label, 1L, Long::sum));
        }
      }
      Map<String, Set<String>> labelsOfKey = new HashMap<>();
      for (Map.Entry<String, Long> b : added.entrySet()) {
        String key = b.getKey().substring(0, b.getKey().lastIndexOf('|'));
        String label = b.getKey().substring(b.getKey().lastIndexOf('|') + 1);
        labelsOfKey.computeIfAbsent(key, k -> new HashSet<>()).add(label);
        long first = slots.getOrDefault(b.getKey(), 0L);
        long last = first + b.getValue() - 1;
        long pages = last / cap - first / cap + 1;
        slots.put(b.getKey(), last + 1);
        updates += pages;
        refs += b.getValue();
        before += first % cap;
        byKind.merge(EventLabels.kind(label).name().toLowerCase(java.util.Locale.ROOT), pages, Long::sum);
        byFamily.merge(family(key), pages, Long::sum);
      }
      indexUpdates += labelsOfKey.size();
      for (Set<String> labels : labelsOfKey.values()) {
        labelsPerKey += labels.size();
        maxLabels = Math.max(maxLabels, labels.size());
      }
      keysTouched += labelsOfKey.size();
    }
    int n = batches.size();
    StoreBenchmark.report("| %s | **%.0f** (%.0f / %.0f / %.0f / %.0f) | %.0f / %.0f / %.0f | %.1f | %.0f | %.0f | %.1f, %d |", name,
        (double) updates / n, per(byKind, "day", n), per(byKind, "part", n), per(byKind, "month", n), per(byKind, "year", n),
        per(byFamily, "all", n), per(byFamily, "a:", n), per(byFamily, "t:", n), (double) refs / updates, (double) before / n,
        (double) indexUpdates / n, (double) labelsPerKey / keysTouched, maxLabels);
  }

  private static double per(Map<String, Long> counts, String name, int batches) {
    return (double) counts.getOrDefault(name, 0L) / batches;
  }
}
