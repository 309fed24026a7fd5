package io.newsflow.enrich.dedupe;

import java.util.Arrays;

/**
 * One story as {@link StoryClusterer} remembers it: its time span, actors and keywords, and whether an
 * article can join it. Times are epoch milliseconds and actors numbers, so scoring allocates nothing.
 * Not thread-safe.
 */
final class Story {

  /** Share of the article's keyword weight that the story must contain. */
  static final double MIN_KEYWORD_OVERLAP = 0.17;
  /** How much more of it per day the article lies outside the story's first {@link #SAME_DAY_HOURS}. */
  static final double OVERLAP_PER_DAY_APART = 0.15;
  static final double SAME_DAY_HOURS = 12;
  /** Share that joins a story even when the salient actors disagree. */
  static final double KEYWORDS_OUTWEIGH_ACTORS = 0.35;
  static final int MIN_SHARED_KEYWORDS = 3;
  static final double MIN_ACTOR_OVERLAP = 0.5;
  static final int MAX_KEYWORDS = 120;

  final String id;
  /** A number for {@link StoryPostings} and {@link CandidateTally}, which tell stories apart without reading them. */
  final int serial;
  long earliest;
  long latest;
  /** Sorted, distinct actor numbers (see StoryClusterer#actorNumbers): compared in one cache line, no hashing. */
  private int[] actors = new int[0];
  /** Sorted, distinct: the {@link #MAX_KEYWORDS} smallest keyword hashes of its articles. */
  private long[] keywords = new long[0];

  Story(String id, int serial, long at) {
    this.id = id;
    this.serial = serial;
    this.earliest = at;
    this.latest = at;
  }

  void absorb(long at, int[] newActors, long[] newKeywords) {
    earliest = Math.min(earliest, at);
    latest = Math.max(latest, at);
    actors = unionOf(actors, newActors);
    if (keywords.length < MAX_KEYWORDS) {
      keywords = smallestOfUnion(keywords, sortedDistinct(newKeywords), MAX_KEYWORDS);
    }
  }

  /**
   * 0 when the article cannot join; otherwise higher for a closer match. The article's keywords are
   * sorted, {@code weights} parallel to them and {@code total} their sum.
   */
  double score(long at, int[] articleActors, long[] articleKeywords, double[] weights, double total,
      long window) {
    if (at < earliest - window || at > latest + window || total <= 0) {
      return 0;
    }
    // reports of one event cluster in its first day; the further from the story, the more alike it must be
    long nearest = at > latest ? latest : at < earliest ? earliest : at;
    double hours = Math.abs((at - nearest) / 60_000) / 60.0;
    double required = MIN_KEYWORD_OVERLAP + OVERLAP_PER_DAY_APART * Math.max(0, hours - SAME_DAY_HOURS) / 24;
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
    if (shared < MIN_SHARED_KEYWORDS || keywordOverlap < required) {
      return 0;
    }
    double actorOverlap = 0.5;
    if (articleActors.length > 0 && actors.length > 0) {
      int sharedActors = 0;
      for (int actor : articleActors) {
        sharedActors += Arrays.binarySearch(actors, actor) >= 0 ? 1 : 0;
      }
      actorOverlap = sharedActors / (double) Math.min(articleActors.length, actors.length);
      // one salient actor each (the observers, the country) is too little to veto on
      boolean enoughToJudge = articleActors.length >= 2 && actors.length >= 2;
      if (enoughToJudge && actorOverlap < MIN_ACTOR_OVERLAP && keywordOverlap < KEYWORDS_OUTWEIGH_ACTORS) {
        return 0;
      }
    }
    return keywordOverlap - required + 0.1 * actorOverlap + 1e-9;
  }

  /** {@code a} with the values of {@code b} it lacks, sorted; {@code a} itself when it has them all. */
  private static int[] unionOf(int[] a, int[] b) {
    int[] out = a;
    for (int value : b) {
      int at = Arrays.binarySearch(out, value);
      if (at < 0) {
        int[] grown = new int[out.length + 1];
        int insert = -at - 1;
        System.arraycopy(out, 0, grown, 0, insert);
        grown[insert] = value;
        System.arraycopy(out, insert, grown, insert + 1, out.length - insert);
        out = grown;
      }
    }
    return out;
  }

  /** Keywords from another instance's entries arrive as they were written; ours are sorted already. */
  private static long[] sortedDistinct(long[] values) {
    for (int i = 1; i < values.length; i++) {
      if (values[i] <= values[i - 1]) {
        return Arrays.stream(values).sorted().distinct().toArray();
      }
    }
    return values;
  }

  /** The {@code limit} smallest values of two sorted, distinct arrays, sorted and distinct. */
  private static long[] smallestOfUnion(long[] a, long[] b, int limit) {
    long[] out = new long[Math.min(limit, a.length + b.length)];
    int n = 0;
    int i = 0;
    int j = 0;
    while (n < out.length && (i < a.length || j < b.length)) {
      long next;
      if (j == b.length || (i < a.length && a[i] < b[j])) {
        next = a[i++];
      } else if (i == a.length || b[j] < a[i]) {
        next = b[j++];
      } else {
        next = a[i++];
        j++;
      }
      out[n++] = next;
    }
    return n == out.length ? out : Arrays.copyOf(out, n);
  }
}
