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
 * article joins a story only when all three agree: its event time is within {@code window} of the
 * story's, it shares salient actors with it (when both name any), and its title and lead share enough
 * keywords. Copies and updates never come here: they keep the story of their original.
 *
 * <p>Memory is bounded: stories are found through their actors and keywords, each key remembers only
 * its {@link #STORIES_PER_KEY} latest stories, and stories older than twice the window are pruned.
 * Not thread-safe: {@link Deduplicator} guards it.
 */
final class StoryClusterer {

  static final int STORIES_PER_KEY = 32;
  private static final int PRUNE_EVERY = 10_000;
  static final double MIN_KEYWORD_OVERLAP = 0.35;
  static final int MIN_SHARED_KEYWORDS = 4;
  static final double MIN_ACTOR_OVERLAP = 0.5;
  private static final int MAX_STORY_KEYWORDS = 120;

  private static final ArrayDeque<Story> EMPTY = new ArrayDeque<>();

  private final Duration window;
  private final Map<Object, ArrayDeque<Story>> storiesByKey = new HashMap<>();
  private final Map<String, Story> storiesById = new HashMap<>();
  private Instant newestEventTime = Instant.EPOCH;
  private int observedSincePrune;

  StoryClusterer(Duration window) {
    this.window = window;
  }

  /** The story an article belongs to, a new one named after the article if none fits; remembers the choice. */
  String assign(String articleId, Instant eventTime, List<String> actors, long[] keywords) {
    Story best = null;
    double bestScore = 0;
    for (Story candidate : candidates(actors, keywords)) {
      double score = candidate.score(eventTime, actors, keywords, window);
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

  private Set<Story> candidates(List<String> actors, long[] keywords) {
    Set<Story> out = new HashSet<>();
    for (String actor : actors) {
      out.addAll(storiesByKey.getOrDefault(actor, EMPTY));
    }
    for (long keyword : keywords) {
      out.addAll(storiesByKey.getOrDefault(keyword, EMPTY));
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
    Instant horizon = newestEventTime.minus(window.multipliedBy(2));
    storiesById.values().removeIf(s -> s.latest.isBefore(horizon));
    storiesByKey.values().removeIf(deque -> {
      deque.removeIf(s -> s.latest.isBefore(horizon));
      return deque.isEmpty();
    });
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

    double score(Instant at, List<String> articleActors, long[] articleKeywords, Duration window) {
      if (at.isBefore(earliest.minus(window)) || at.isAfter(latest.plus(window))) {
        return 0;
      }
      double actorOverlap = 1;
      if (!articleActors.isEmpty() && !actors.isEmpty()) {
        long shared = articleActors.stream().filter(actors::contains).count();
        actorOverlap = shared / (double) Math.min(articleActors.size(), actors.size());
        if (actorOverlap < MIN_ACTOR_OVERLAP) {
          return 0;
        }
      }
      int sharedKeywords = StoryKeywords.shared(articleKeywords, keywords);
      double keywordOverlap = articleKeywords.length == 0 ? 0 : sharedKeywords / (double) articleKeywords.length;
      if (sharedKeywords < MIN_SHARED_KEYWORDS || keywordOverlap < MIN_KEYWORD_OVERLAP) {
        return 0;
      }
      return keywordOverlap + 0.5 * actorOverlap;
    }
  }
}
