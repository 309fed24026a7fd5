package io.newsflow.bench.e2e;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A generated news corpus about Central Asian security and economics, computed on demand from a seed
 * so that 100,000 articles of 3–5 KB never sit in memory at once: article {@code i} is always the same
 * text. Sentences are composed from independent parts (who, what, detail, time and place, attribution)
 * rather than whole-sentence templates, so two unrelated articles share few word shingles and only the
 * planted syndicated copies look like near-duplicates to the dedupe stage.
 */
final class Corpus {

  /** One feed item: where it is published and what it says. */
  record Article(int index, int feed, String slug, String title, List<String> paragraphs, int copyOf) {

    boolean isCopy() {
      return copyOf >= 0;
    }
  }

  /**
   * How many actors and dated statements an article holds. {@code CALIBRATED} (the default since 28 Nov 2026): each
   * story keeps to a cast of a few states, leaders, organisations and places, and fewer sentences carry a date;
   * enrich finds ~14 actors and ~10 dated events in an article of ~4.3 KB, about as dense per character as the
   * project's own hand-labelled Central Asia articles and denser than real general news (README, "Corpus").
   * {@code DENSE}: every sentence draws its actors from the whole vocabulary, ~29 actors and ~13 events an article,
   * the corpus of every run before that date, kept as a heavier load and to compare with those runs.
   */
  enum Density { CALIBRATED, DENSE }

  private final long seed;
  private final int articles;
  private final int feeds;
  private final double copyShare;
  private final Density density;

  Corpus(long seed, int articles, int feeds, double copyShare, Density density) {
    this.seed = seed;
    this.articles = articles;
    this.feeds = feeds;
    this.copyShare = copyShare;
    this.density = density;
  }

  int size() {
    return articles;
  }

  int feeds() {
    return feeds;
  }

  /** The feed an article appears in: spread evenly, neighbours on different feeds. */
  int feedOf(int index) {
    return index % feeds;
  }

  /** Every article of one feed, oldest first. */
  List<Integer> articlesOf(int feed) {
    List<Integer> out = new ArrayList<>();
    for (int i = feed; i < articles; i += feeds) {
      out.add(i);
    }
    return out;
  }

  String siteName(int feed) {
    return Words.SITE_PREFIX[feed % Words.SITE_PREFIX.length] + " " + Words.SITE_SUFFIX[(feed / Words.SITE_PREFIX.length) % Words.SITE_SUFFIX.length]
        + (feed >= Words.SITE_PREFIX.length * Words.SITE_SUFFIX.length ? " " + (feed + 1) : "");
  }

  Article article(int index) {
    SplittableRandom random = new SplittableRandom(seed * 1_000_003L + index);
    // a syndicated copy repeats an earlier article of another feed, with the syndicating site's edits
    if (index > feeds && random.nextDouble() < copyShare) {
      int original = random.nextInt(Math.max(1, index - feeds), index);
      if (feedOf(original) != feedOf(index)) {
        return syndicate(article(original), index, random);
      }
    }
    return original(index, random);
  }

  private Article original(int index, SplittableRandom random) {
    Story story = Story.pick(random, density);
    List<String> paragraphs = new ArrayList<>();
    paragraphs.add(Sentences.lead(story, random));
    int target = 3_000 + random.nextInt(2_000);
    int length = paragraphs.get(0).length();
    while (length < target) {
      StringBuilder p = new StringBuilder();
      int sentences = 3 + random.nextInt(4);
      for (int s = 0; s < sentences; s++) {
        if (s > 0) {
          p.append(' ');
        }
        p.append(Sentences.body(story, random));
      }
      paragraphs.add(p.toString());
      length += p.length();
    }
    String title = Sentences.headline(story, random);
    return new Article(index, feedOf(index), slug(title, index), title, paragraphs, -1);
  }

  private Article syndicate(Article source, int index, SplittableRandom random) {
    List<String> paragraphs = new ArrayList<>(source.paragraphs());
    // wire copies lose a paragraph, gain a dateline and the republisher's own footer
    if (paragraphs.size() > 4) {
      paragraphs.remove(1 + random.nextInt(paragraphs.size() - 2));
    }
    paragraphs.set(0, Words.pick(Words.CITIES, random).toUpperCase() + " — " + paragraphs.get(0));
    paragraphs.add("This story was first published by " + siteName(source.feed()) + " and is republished with permission.");
    String title = random.nextBoolean() ? source.title() : Words.pick(Words.HEADLINE_PREFIX, random) + source.title();
    return new Article(index, feedOf(index), slug(title, index), title, paragraphs, source.index());
  }

  private static String slug(String title, int index) {
    String words = title.toLowerCase().replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    if (words.length() > 60) {
      words = words.substring(0, 60).replaceAll("-[^-]*$", "");
    }
    return "a" + index + "-" + words;
  }

  /** The index encoded in an article URL's last path segment ({@code .../a1234-some-title.html}), or -1. */
  static int indexOfUrl(String url) {
    int slash = url.lastIndexOf("/a");
    if (slash < 0) {
      return -1;
    }
    int end = url.indexOf('-', slash);
    try {
      return Integer.parseInt(url.substring(slash + 2, end < 0 ? url.length() : end));
    } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
      return -1;
    }
  }
}
