package io.newsflow.enrich.bench;

import io.newsflow.enrich.dedupe.ContentFingerprint;
import io.newsflow.enrich.dedupe.DedupeSettings;
import io.newsflow.enrich.dedupe.Deduplicator;
import io.newsflow.enrich.dedupe.SignatureSink;
import io.newsflow.enrich.support.RawArticles;
import io.newsflow.model.article.Dedupe;
import io.newsflow.model.article.RawArticle;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The dedupe verdict (exact, near copy, story) over a long stream of many different events, in CPU
 * time of the deciding thread per block of articles. EnrichmentBenchmark's articles are shuffled
 * paragraphs of 30 texts, which make a few dozen stories, so there the story candidate lookup finds
 * almost nothing to score; a real feed mix has thousands of live stories sharing common words and
 * actors, and every postings list is full. This stream is made for that: events of 1–7 articles,
 * each event with its own rare words and 2–4 actors of 60 (a few very common), the rest of each
 * title and lead drawn from a common vocabulary with a Zipf-like skew, 30 s of news time per
 * article. Prints CPU per block, then pairwise precision and recall of the stories against the
 * events (a check that the grouping still groups, not a quality figure: StoryQualityTest is that).
 * Run by hand, as in BENCHMARKS.md: {@code StoryCostHarness articles blockSize}.
 */
public final class StoryCostHarness {

  private StoryCostHarness() {}

  public static void main(String[] args) {
    int count = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
    int block = args.length > 1 ? Integer.parseInt(args[1]) : 5_000;
    List<Item> items = stream(count, new Random(11));
    Deduplicator deduplicator = new Deduplicator(DedupeSettings.DEFAULTS, "bench", SignatureSink.NONE);
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    String[] storyOf = new String[count];
    long total = 0;
    for (int from = 0; from < count; from += block) {
      int to = Math.min(count, from + block);
      long start = mx.getCurrentThreadCpuTime();
      for (int i = from; i < to; i++) {
        Item item = items.get(i);
        Dedupe d = deduplicator.decide(item.raw, item.fingerprint, "bench-0@" + i, item.actors).orElseThrow();
        storyOf[i] = d.storyId();
      }
      long cpu = mx.getCurrentThreadCpuTime() - start;
      total += cpu;
      System.out.printf("articles %6d-%6d: %.1f us per article%n", from, to, cpu / 1e3 / (to - from));
    }
    System.out.printf("all: %.1f us per article%n", total / 1e3 / count);
    Agreement a = agreement(items, storyOf);
    System.out.printf("%d stories for %d events; pairwise precision %.3f, recall %.3f%n", a.stories, a.events,
        a.precision, a.recall);
  }

  /** Stories made of a stream, compared with its events pairwise. */
  record Agreement(int stories, int events, double precision, double recall) {}

  record Item(int event, RawArticle raw, ContentFingerprint fingerprint, List<String> actors) {}

  static List<Item> stream(int count, Random random) {
    String[] common = words(30_000, random);
    String[] rare = words(400_000, random);
    List<Item> out = new ArrayList<>(count);
    Instant start = Instant.parse("2025-03-01T00:00:00Z");
    int event = 0;
    while (out.size() < count) {
      String[] eventWords = new String[12];
      for (int w = 0; w < eventWords.length; w++) {
        eventWords[w] = rare[random.nextInt(rare.length)];
      }
      List<String> actors = new ArrayList<>();
      for (int a = 2 + random.nextInt(3); actors.size() < a; ) {
        String actor = "A" + skewed(60, random);
        if (!actors.contains(actor)) {
          actors.add(actor);
        }
      }
      Instant eventTime = start.plusSeconds(30L * out.size());
      for (int n = 1 + random.nextInt(7), k = 0; k < n && out.size() < count; k++) {
        String title = sentence(eventWords, 4, common, 3, random);
        String text = sentence(eventWords, 15, common, 65, random);
        Instant at = eventTime.plusSeconds(random.nextInt(6 * 3600));
        RawArticle raw = RawArticles.article("https://synthetic.example/" + event + "/" + k, "s" + k + ".example",
            title, text, at);
        List<String> salient = actors.subList(0, Math.max(1, actors.size() - random.nextInt(2)));
        out.add(new Item(event, raw, ContentFingerprint.of(text, raw.contentHash()), List.copyOf(salient)));
      }
      event++;
    }
    return out;
  }

  private static String sentence(String[] eventWords, int fromEvent, String[] common, int fromCommon, Random random) {
    List<String> words = new ArrayList<>();
    for (int i = 0; i < fromEvent; i++) {
      words.add(eventWords[random.nextInt(eventWords.length)]);
    }
    for (int i = 0; i < fromCommon; i++) {
      words.add(common[skewed(common.length, random)]);
    }
    java.util.Collections.shuffle(words, random);
    return String.join(" ", words) + ".";
  }

  /** An index in [0, n) where small ones are much likelier, roughly as word and actor frequencies are. */
  private static int skewed(int n, Random random) {
    return (int) Math.min(n - 1, Math.floor(Math.exp(random.nextDouble() * Math.log(n + 1.0)) - 1));
  }

  private static String[] words(int n, Random random) {
    String[] out = new String[n];
    for (int i = 0; i < n; i++) {
      StringBuilder w = new StringBuilder();
      for (int len = 5 + random.nextInt(6); w.length() < len; ) {
        w.append((char) ('a' + random.nextInt(26)));
      }
      out[i] = w.toString();
    }
    return out;
  }

  /** Pairwise agreement of stories with events, over pairs no more than 2,000 articles apart. */
  static Agreement agreement(List<Item> items, String[] storyOf) {
    long sameBoth = 0;
    long sameStory = 0;
    long sameEvent = 0;
    Map<String, Integer> sizes = new HashMap<>();
    for (int i = 0; i < items.size(); i++) {
      sizes.merge(storyOf[i], 1, Integer::sum);
      for (int j = Math.max(0, i - 2_000); j < i; j++) {
        boolean story = storyOf[i].equals(storyOf[j]);
        boolean event = items.get(i).event == items.get(j).event;
        sameStory += story ? 1 : 0;
        sameEvent += event ? 1 : 0;
        sameBoth += story && event ? 1 : 0;
      }
    }
    return new Agreement(sizes.size(), items.get(items.size() - 1).event + 1,
        sameBoth / (double) Math.max(1, sameStory), sameBoth / (double) Math.max(1, sameEvent));
  }
}
