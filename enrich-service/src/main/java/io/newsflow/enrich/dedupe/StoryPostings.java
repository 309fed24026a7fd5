package io.newsflow.enrich.dedupe;

import java.util.Arrays;

/**
 * The latest stories of one actor or keyword, oldest first, at most {@link #CAPACITY}: a common key
 * cannot make an article score hundreds of stories. An array, not a deque: most keys (rare words)
 * have one story, and walking it needs no iterator.
 */
final class StoryPostings {

  static final int CAPACITY = 32;

  private Story[] stories = new Story[2];
  private int[] serials = new int[2];
  private int size;

  /** Makes {@code story} the latest; drops the oldest beyond the capacity. */
  void remember(Story story) {
    if (size > 0 && stories[size - 1] == story) {
      return;
    }
    int at = indexOf(story);
    if (at >= 0) {
      System.arraycopy(stories, at + 1, stories, at, size - at - 1);
      System.arraycopy(serials, at + 1, serials, at, size - at - 1);
      size--;
    } else if (size == CAPACITY) {
      System.arraycopy(stories, 1, stories, 0, size - 1);
      System.arraycopy(serials, 1, serials, 0, size - 1);
      size--;
    } else if (size == stories.length) {
      stories = Arrays.copyOf(stories, Math.min(CAPACITY, size * 2));
      serials = Arrays.copyOf(serials, stories.length);
    }
    serials[size] = story.serial;
    stories[size++] = story;
  }

  int size() {
    return size;
  }

  int serial(int i) {
    return serials[i];
  }

  Story get(int i) {
    return stories[i];
  }

  /** Forgets stories whose latest article is older than {@code horizon}; true when none is left. */
  boolean forgetOlderThan(long horizon) {
    int kept = 0;
    for (int i = 0; i < size; i++) {
      if (stories[i].latest >= horizon) {
        serials[kept] = serials[i];
        stories[kept++] = stories[i];
      }
    }
    Arrays.fill(stories, kept, size, null);
    size = kept;
    return size == 0;
  }

  private int indexOf(Story story) {
    for (int i = size - 1; i >= 0; i--) {
      if (serials[i] == story.serial) {
        return i;
      }
    }
    return -1;
  }
}
