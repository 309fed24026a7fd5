package io.newsflow.enrich.dedupe;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Groups different articles about one event under one story id. Same topic is not same story, so an
 * article joins a story only when its event time is within {@code window} of the story's and its title
 * and lead share enough of the story's keywords, weighted by how rare each keyword is among recent
 * articles: "Matybulak" or "Kropotkinskaya" says which event, "president" or "Kazakhstan" only which
 * topic. The further the article lies from the story's span, the larger that share must be: reports of
 * one event cluster in its first day, the next event with the same actors comes a day or two later.
 * Salient actors must agree too when both sides name at least two, unless the keywords alone are strong
 * (one actor each, the observers or the country, is too little to judge by). Copies and updates never
 * come here: they keep their original's story.
 *
 * <p>Memory is bounded: stories are found through their actors and keywords, each key remembers only
 * its {@link #STORIES_PER_KEY} latest stories, stories older than twice the window are pruned, and the
 * keyword counts are a fixed-size sketch that halves every {@link #PRUNE_EVERY} articles, so rarity
 * follows recent news. Not thread-safe: {@link Deduplicator} guards it.
 */
final class StoryClusterer {

  static final int STORIES_PER_KEY = 32;
  static final int PRUNE_EVERY = 10_000;
  /** Share of the article's keyword weight that the story must contain. */
  static final double MIN_KEYWORD_OVERLAP = 0.17;
  /** How much more of it per day the article lies outside the story's first {@link #SAME_DAY_HOURS}. */
  static final double OVERLAP_PER_DAY_APART = 0.15;
  static final double SAME_DAY_HOURS = 12;
  /** Share that joins a story even when the salient actors disagree. */
  static final double KEYWORDS_OUTWEIGH_ACTORS = 0.35;
  static final int MIN_SHARED_KEYWORDS = 3;
  /** Keywords, the rarest first, through which candidate stories are looked up. */
  static final int LOOKUP_KEYWORDS = 12;
  static final double MIN_ACTOR_OVERLAP = 0.5;
  private static final int MAX_STORY_KEYWORDS = 120;

  private static final ArrayDeque<Story> EMPTY = new ArrayDeque<>();

  private final Duration window;
  private final Map<Object, ArrayDeque<Story>> storiesByKey = new HashMap<>();
  private final Map<String, Story> storiesById = new HashMap<>();
  private final KeywordCounts counts = new KeywordCounts();
  private Instant newestEventTime = Instant.EPOCH;
  private int observedSincePrune;

  StoryClusterer(Duration window) {
    this.window = window;
  }

  /** The story an article belongs to, a new one named after the article if none fits; remembers the choice. */
  String assign(String articleId, Instant eventTime, List<String> actors, long[] keywords) {
    double[] weights = new double[keywords.length];
    double total = 0;
    for (int i = 0; i < keywords.length; i++) {
      weights[i] = counts.weight(keywords[i]);
      total += weights[i];
    }
    Story best = null;
    double bestScore = 0;
    for (Story candidate : candidates(actors, keywords, weights)) {
      double score = candidate.score(eventTime, actors, keywords, weights, total, window);
      if (score > bestScore) {
        bestScore = score;
        best = candidate;
      }
    }
    String storyId = best != null ? best.id : "s-" + articleId;
    observe(storyId, eventTime, actors, keywords);
    return storyId;
  }

  /** Records that an article (from this or another instance) belongs to {@code storyId}. */
  void observe(String storyId, Instant eventTime, List<String> actors, long[] keywords) {
    Story story = storiesById.computeIfAbsent(storyId, id -> new Story(id, eventTime));
    story.absorb(eventTime, actors, keywords);
    counts.add(keywords);
    for (String actor : actors) {
      remember(actor, story);
    }
    for (long keyword : keywords) {
      remember(keyword, story);
    }
    pruneIfDue(eventTime);
  }

  int size() {
    return storiesById.size();
  }

  /**
   * Stories reached through the actors and the {@link #LOOKUP_KEYWORDS} rarest keywords: common words
   * ("president") lead to dozens of stories each and cannot carry a match on their own, so looking them
   * up only costs time.
   */
  private Set<Story> candidates(List<String> actors, long[] keywords, double[] weights) {
    Set<Story> out = new HashSet<>();
    for (String actor : actors) {
      out.addAll(storiesByKey.getOrDefault(actor, EMPTY));
    }
    if (keywords.length <= LOOKUP_KEYWORDS) {
      for (long keyword : keywords) {
        out.addAll(storiesByKey.getOrDefault(keyword, EMPTY));
      }
      return out;
    }
    double[] sorted = weights.clone();
    Arrays.sort(sorted);
    double cut = sorted[sorted.length - LOOKUP_KEYWORDS];
    for (int i = 0; i < keywords.length; i++) {
      if (weights[i] >= cut) {
        out.addAll(storiesByKey.getOrDefault(keywords[i], EMPTY));
      }
    }
    return out;
  }

  private void remember(Object key, Story story) {
    ArrayDeque<Story> stories = storiesByKey.computeIfAbsent(key, k -> new ArrayDeque<>());
    if (stories.peekLast() == story) {
      return;
    }
    stories.remove(story);
    stories.addLast(story);
    if (stories.size() > STORIES_PER_KEY) {
      stories.removeFirst();
    }
  }

  /** Forgets stories that no new article can join any more, so memory follows the window, not history. */
  private void pruneIfDue(Instant eventTime) {
    if (eventTime.isAfter(newestEventTime)) {
      newestEventTime = eventTime;
    }
    if (++observedSincePrune < PRUNE_EVERY) {
      return;
    }
    observedSincePrune = 0;
    counts.halve();
    Instant horizon = newestEventTime.minus(window.multipliedBy(2));
    storiesById.values().removeIf(s -> s.latest.isBefore(horizon));
    storiesByKey.values().removeIf(deque -> {
      deque.removeIf(s -> s.latest.isBefore(horizon));
      return deque.isEmpty();
    });
  }

  /**
   * In how many recent articles each keyword occurred: a count-min sketch of two rows (1 MB), so memory
   * does not grow with the vocabulary. Collisions can only overstate a count, making a rare word look a
   * little commoner, never a common one rarer.
   */
  private static final class KeywordCounts {
    private static final int BITS = 17;
    private static final int MASK = (1 << BITS) - 1;
    private final int[] low = new int[1 << BITS];
    private final int[] high = new int[1 << BITS];
    private int articles;

    void add(long[] keywords) {
      for (long k : keywords) {
        low[(int) k & MASK]++;
        high[(int) (k >>> 32) & MASK]++;
      }
      articles++;
    }

    /**
     * Inverse document frequency, floored so a keyword every article has still counts a little. A
     * keyword never seen weighs as one seen once: it cannot match any story, and letting it outweigh the
     * story's own rare words would make every outlet's fresh wording count against the match.
     */
    double weight(long k) {
      int seen = Math.max(1, Math.min(low[(int) k & MASK], high[(int) (k >>> 32) & MASK]));
      return Math.max(0.1, Math.log((articles + 1.0) / seen));
    }

    void halve() {
      for (int i = 0; i < low.length; i++) {
        low[i] >>= 1;
        high[i] >>= 1;
      }
      articles >>= 1;
    }
  }

  private static final class Story {
    final String id;
    Instant earliest;
    Instant latest;
    final Set<String> actors = new LinkedHashSet<>();
    long[] keywords = new long[0];

    Story(String id, Instant at) {
      this.id = id;
      this.earliest = at;
      this.latest = at;
    }

    void absorb(Instant at, List<String> newActors, long[] newKeywords) {
      earliest = at.isBefore(earliest) ? at : earliest;
      latest = at.isAfter(latest) ? at : latest;
      actors.addAll(newActors);
      if (keywords.length < MAX_STORY_KEYWORDS) {
        long[] merged = Arrays.copyOf(keywords, keywords.length + newKeywords.length);
        System.arraycopy(newKeywords, 0, merged, keywords.length, newKeywords.length);
        keywords = Arrays.stream(merged).distinct().sorted().limit(MAX_STORY_KEYWORDS).toArray();
      }
    }

    /** 0 when the article cannot join; otherwise higher for a closer match. Both keyword arrays sorted. */
    double score(Instant at, List<String> articleActors, long[] articleKeywords, double[] weights, double total,
                 Duration window) {
      if (at.isBefore(earliest.minus(window)) || at.isAfter(latest.plus(window)) || total <= 0) {
        return 0;
      }
      int shared = 0;
      double sharedWeight = 0;
      for (int i = 0, j = 0; i < articleKeywords.length && j < keywords.length; ) {
        if (articleKeywords[i] == keywords[j]) {
          shared++;
          sharedWeight += weights[i];
          i++;
          j++;
        } else if (articleKeywords[i] < keywords[j]) {
          i++;
        } else {
          j++;
        }
      }
      double keywordOverlap = sharedWeight / total;
      // reports of one event cluster in its first day; the further from the story, the more alike it must be
      Instant nearest = at.isAfter(latest) ? latest : at.isBefore(earliest) ? earliest : at;
      double hours = Math.abs(Duration.between(nearest, at).toMinutes()) / 60.0;
      double required = MIN_KEYWORD_OVERLAP + OVERLAP_PER_DAY_APART * Math.max(0, hours - SAME_DAY_HOURS) / 24;
      if (shared < MIN_SHARED_KEYWORDS || keywordOverlap < required) {
        return 0;
      }
      double actorOverlap = 0.5;
      if (!articleActors.isEmpty() && !actors.isEmpty()) {
        long sharedActors = articleActors.stream().filter(actors::contains).count();
        actorOverlap = sharedActors / (double) Math.min(articleActors.size(), actors.size());
        // one salient actor each (the observers, the country) is too little to veto on
        boolean enoughToJudge = articleActors.size() >= 2 && actors.size() >= 2;
        if (enoughToJudge && actorOverlap < MIN_ACTOR_OVERLAP && keywordOverlap < KEYWORDS_OUTWEIGH_ACTORS) {
          return 0;
        }
      }
      return keywordOverlap - required + 0.1 * actorOverlap + 1e-9;
    }
  }
}
