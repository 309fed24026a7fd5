package io.newsflow.enrich.dedupe;

import java.util.Arrays;

/**
 * Per article, for each story met in the keyword postings: how many of the article's keywords lead to
 * it and what they weigh. An open-addressing table keyed by story serial, reused from article to
 * article (a generation number marks the live slots, so nothing is cleared), so a tally of a thousand
 * postings entries reads no story and allocates nothing. Not thread-safe.
 */
final class CandidateTally {

  private int[] generationOf = new int[4096];
  private int[] serialAt = new int[4096];
  private double[] weightAt = new double[4096];
  private int[] countAt = new int[4096];
  private Story[] storyAt = new Story[4096];
  /** Slots in the order their stories were first met, so ties go the same way on every run. */
  private int[] order = new int[1024];
  private int size;
  private int generation;

  /** Starts a new article that will add at most {@code entries} postings entries. */
  void reset(int entries) {
    generation++;
    if (generation == 0) {
      Arrays.fill(generationOf, 0);
      generation = 1;
    }
    size = 0;
    if (entries * 2 > generationOf.length) {
      int capacity = Integer.highestOneBit(entries * 2 - 1) << 1;
      generationOf = new int[capacity];
      serialAt = new int[capacity];
      weightAt = new double[capacity];
      countAt = new int[capacity];
      storyAt = new Story[capacity];
      generation = 1;
    }
    if (order.length < entries) {
      order = new int[entries];
    }
  }

  void add(int serial, Story story, double weight) {
    int mask = generationOf.length - 1;
    int slot = (serial * 0x9E3779B9) >>> 7 & mask;
    while (generationOf[slot] == generation && serialAt[slot] != serial) {
      slot = (slot + 1) & mask;
    }
    if (generationOf[slot] != generation) {
      generationOf[slot] = generation;
      serialAt[slot] = serial;
      weightAt[slot] = 0;
      countAt[slot] = 0;
      storyAt[slot] = story;
      order[size++] = slot;
    }
    weightAt[slot] += weight;
    countAt[slot]++;
  }

  int size() {
    return size;
  }

  Story story(int i) {
    return storyAt[order[i]];
  }

  double weight(int i) {
    return weightAt[order[i]];
  }

  int count(int i) {
    return countAt[order[i]];
  }

  /** Drops the references to stories, so a pruned story is not kept alive by the scratch table. */
  void release() {
    for (int i = 0; i < size; i++) {
      storyAt[order[i]] = null;
    }
  }
}
