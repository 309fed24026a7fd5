package io.newsflow.enrich.dedupe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A keyword's postings bound what one article can cost: at most {@link StoryPostings#CAPACITY} stories,
 * the latest kept, each once, and forgotten when they leave the story window.
 */
class StoryPostingsTest {

  private static Story story(int serial, long latest) {
    return new Story("s-" + serial, serial, latest);
  }

  private static List<Integer> serials(StoryPostings postings) {
    List<Integer> serials = new ArrayList<>();
    for (int i = 0; i < postings.size(); i++) {
      assertThat(postings.get(i).serial).isEqualTo(postings.serial(i));
      serials.add(postings.serial(i));
    }
    return serials;
  }

  @Test
  void keepsTheLatestStoriesUpToTheCapacityOldestFirst() {
    StoryPostings postings = new StoryPostings();
    for (int serial = 1; serial <= StoryPostings.CAPACITY + 5; serial++) {
      postings.remember(story(serial, serial));
    }
    assertThat(postings.size()).isEqualTo(StoryPostings.CAPACITY);
    assertThat(serials(postings).getFirst()).isEqualTo(6);
    assertThat(serials(postings).getLast()).isEqualTo(StoryPostings.CAPACITY + 5);
  }

  @Test
  void rememberingAKnownStoryMovesItToTheEndWithoutADuplicate() {
    StoryPostings postings = new StoryPostings();
    Story a = story(1, 10);
    Story b = story(2, 20);
    Story c = story(3, 30);
    postings.remember(a);
    postings.remember(b);
    postings.remember(c);
    postings.remember(a);
    postings.remember(a);
    assertThat(serials(postings)).containsExactly(2, 3, 1);
  }

  @Test
  void aStoryRememberedAgainWhenFullEvictsNothing() {
    StoryPostings postings = new StoryPostings();
    Story first = story(100, 0);
    postings.remember(first);
    for (int serial = 1; serial < StoryPostings.CAPACITY; serial++) {
      postings.remember(story(serial, serial));
    }
    postings.remember(first);
    assertThat(postings.size()).isEqualTo(StoryPostings.CAPACITY);
    assertThat(serials(postings)).contains(1).endsWith(100).doesNotHaveDuplicates();
  }

  @Test
  void forgetsStoriesOlderThanTheHorizonAndSaysWhenNoneIsLeft() {
    StoryPostings postings = new StoryPostings();
    postings.remember(story(1, 100));
    postings.remember(story(2, 300));
    postings.remember(story(3, 200));
    assertThat(postings.forgetOlderThan(200)).isFalse();
    assertThat(serials(postings)).containsExactly(2, 3);
    assertThat(postings.forgetOlderThan(301)).isTrue();
    assertThat(postings.size()).isZero();
  }
}
