package io.newsflow.enrich.dedupe;

import it.unimi.dsi.fastutil.longs.Long2ObjectOpenHashMap;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Groups different articles about one event under one story id. Same topic is not same story, so an
 * article joins a story only when its event time is within {@code window} of the story's and its title
 * and lead share enough of the story's keywords, weighted by how rare each keyword is among recent
 * articles: "Matybulak" or "Kropotkinskaya" says which event, "president" or "Kazakhstan" only which
 * topic. The further the article lies from the story's span, the larger that share must be: reports of
 * one event cluster in its first day, the next event with the same actors comes a day or two later.
 * Salient actors must agree too when both sides name at least two, unless the keywords alone are strong
 * (one actor each, the observers or the country, is too little to judge by). Copies and updates never
 * come here: they keep their original's story. The rules are {@link Story#score}'s.
 *
 * <p>Cost is bounded per article. Each keyword remembers its {@link StoryPostings#CAPACITY} latest
 * stories; the article's keywords (at most {@link StoryKeywords#MAX_KEYWORDS}) are looked up, the
 * weights of the keywords leading to each story are tallied, and only the stories whose tally could
 * reach the least share a story must have are scored: a few per article, instead of every story the
 * article's actors and rarest words lead to (about a hundred in a busy stream, each a merge of two
 * keyword lists). A story that fell out of a common keyword's list is not found through it, as before
 * the tally. Memory is bounded:
 * stories older than twice the window are pruned, and the keyword counts are a fixed-size sketch that
 * halves every {@link #PRUNE_EVERY} articles, so rarity follows recent news. Not thread-safe:
 * {@link Deduplicator} guards it.
 */
final class StoryClusterer {

  static final int PRUNE_EVERY = 10_000;

  private final long window;
  /** Actor ids as small numbers, so stories compare actors as int arrays; as many as the gazetteer has. */
  private final Map<String, Integer> actorNumbers = new HashMap<>();
  private final Long2ObjectOpenHashMap<StoryPostings> storiesByKeyword = new Long2ObjectOpenHashMap<>();
  private final Map<String, Story> storiesById = new HashMap<>();
  private final KeywordCounts counts = new KeywordCounts();
  private final CandidateTally tally = new CandidateTally();
  private long newestEventTime = Long.MIN_VALUE;
  private int observedSincePrune;
  private int nextSerial;
  /** Reused between articles. */
  private Story[] candidates = new Story[16];
  private int candidateCount;
  private StoryPostings[] postings = new StoryPostings[StoryKeywords.MAX_KEYWORDS];

  StoryClusterer(Duration window) {
    this.window = millis(window);
  }

  /** The story an article belongs to, a new one named after the article if none fits; remembers the choice. */
  String assign(String articleId, Instant eventTime, List<String> actors, long[] keywords) {
    long at = millis(eventTime);
    int[] actorNumbers = numbers(actors);
    double[] weights = new double[keywords.length];
    double total = 0;
    for (int i = 0; i < keywords.length; i++) {
      weights[i] = counts.weight(keywords[i]);
      total += weights[i];
    }
    if (postings.length < keywords.length) {
      postings = new StoryPostings[keywords.length];
    }
    for (int i = 0; i < keywords.length; i++) {
      postings[i] = storiesByKeyword.get(keywords[i]);
    }
    collectCandidates(keywords.length, weights, total);
    Story best = null;
    double bestScore = 0;
    for (int c = 0; c < candidateCount; c++) {
      Story candidate = candidates[c];
      candidates[c] = null;
      double score = candidate.score(at, actorNumbers, keywords, weights, total, window);
      if (score > bestScore) {
        bestScore = score;
        best = candidate;
      }
    }
    String storyId = best != null ? best.id : "s-" + articleId;
    observe(storyId, at, actorNumbers, keywords, postings);
    Arrays.fill(postings, 0, keywords.length, null);
    return storyId;
  }

  /** Records that an article (from this or another instance) belongs to {@code storyId}. */
  void observe(String storyId, Instant eventTime, List<String> actors, long[] keywords) {
    observe(storyId, millis(eventTime), numbers(actors), keywords, null);
  }

  /** @param known the keywords' postings where already looked up (null entries are looked up again) */
  private void observe(String storyId, long at, int[] actors, long[] keywords, StoryPostings[] known) {
    Story story = storiesById.get(storyId);
    if (story == null) {
      story = new Story(storyId, nextSerial++, at);
      storiesById.put(storyId, story);
    }
    story.absorb(at, actors, keywords);
    counts.add(keywords);
    for (int i = 0; i < keywords.length; i++) {
      StoryPostings list = known != null ? known[i] : null;
      if (list == null) {
        list = storiesByKeyword.get(keywords[i]);
        if (list == null) {
          list = new StoryPostings();
          storiesByKeyword.put(keywords[i], list);
        }
      }
      list.remember(story);
    }
    pruneIfDue(at);
  }

  int size() {
    return storiesById.size();
  }

  /**
   * The stories that the article's keywords could give {@link Story#MIN_KEYWORD_OVERLAP} of its keyword
   * weight and {@link Story#MIN_SHARED_KEYWORDS}, each once, in the order first met. A story's tally is
   * what it could share at most (it counts every keyword the story ever absorbed, where the score counts
   * only the story's first {@link Story#MAX_KEYWORDS}), unless it fell out of a common keyword's list.
   */
  private void collectCandidates(int n, double[] weights, double total) {
    candidateCount = 0;
    int entries = 0;
    for (int i = 0; i < n; i++) {
      entries += postings[i] != null ? postings[i].size() : 0;
    }
    tally.reset(entries);
    for (int i = 0; i < n; i++) {
      StoryPostings list = postings[i];
      for (int j = 0; list != null && j < list.size(); j++) {
        tally.add(list.serial(j), list.get(j), weights[i]);
      }
    }
    // the tally sums in another order than Story.score, so allow for rounding: a spare candidate costs one score
    double enough = Story.MIN_KEYWORD_OVERLAP * total * (1 - 1e-9);
    for (int t = 0; t < tally.size(); t++) {
      if (tally.count(t) >= Story.MIN_SHARED_KEYWORDS && tally.weight(t) >= enough) {
        if (candidateCount == candidates.length) {
          candidates = Arrays.copyOf(candidates, candidateCount * 2);
        }
        candidates[candidateCount++] = tally.story(t);
      }
    }
    tally.release();
  }

  /** Forgets stories that no new article can join any more, so memory follows the window, not history. */
  private void pruneIfDue(long at) {
    newestEventTime = Math.max(newestEventTime, at);
    if (++observedSincePrune < PRUNE_EVERY) {
      return;
    }
    observedSincePrune = 0;
    counts.halve();
    long horizon = newestEventTime - 2 * window;
    storiesById.values().removeIf(s -> s.latest < horizon);
    storiesByKeyword.values().removeIf(list -> list.forgetOlderThan(horizon));
    // a map keeps the table it grew to; start again at the size now needed
    storiesByKeyword.trim();
  }

  /** The actors' numbers, in the list's order, numbering actors not seen before. */
  private int[] numbers(List<String> actors) {
    int[] out = new int[actors.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = actorNumbers.computeIfAbsent(actors.get(i), a -> actorNumbers.size());
    }
    return out;
  }

  /**
   * Milliseconds since the epoch, held within ±2^60 so that adding or subtracting a window cannot
   * overflow; beyond that (35 million years) every instant is the same to story grouping.
   */
  static long millis(Instant t) {
    long limit = 1L << 60;
    if (t.getEpochSecond() > limit / 1000) {
      return limit;
    }
    if (t.getEpochSecond() < -limit / 1000) {
      return -limit;
    }
    return t.toEpochMilli();
  }

  private static long millis(Duration d) {
    return d.getSeconds() > (1L << 60) / 1000 ? 1L << 60 : d.toMillis();
  }
}
