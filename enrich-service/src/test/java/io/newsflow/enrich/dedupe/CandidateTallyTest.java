package io.newsflow.enrich.dedupe;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The tally decides which stories an article is scored against: a story must come out once, with the
 * sum of the weights and the count of the keywords leading to it, in the order first met, and nothing
 * may leak from the previous article.
 */
class CandidateTallyTest {

  private static Story story(int serial) {
    return new Story("s-" + serial, serial, 1_700_000_000_000L);
  }

  @Test
  void sumsWeightAndCountPerStoryInTheOrderFirstMet() {
    CandidateTally tally = new CandidateTally();
    Story a = story(7);
    Story b = story(3);
    tally.reset(5);
    tally.add(7, a, 0.5);
    tally.add(3, b, 0.25);
    tally.add(7, a, 1.0);
    tally.add(7, a, 0.125);
    tally.add(3, b, 2.0);

    assertThat(tally.size()).isEqualTo(2);
    assertThat(tally.story(0)).isSameAs(a);
    assertThat(tally.weight(0)).isEqualTo(1.625);
    assertThat(tally.count(0)).isEqualTo(3);
    assertThat(tally.story(1)).isSameAs(b);
    assertThat(tally.weight(1)).isEqualTo(2.25);
    assertThat(tally.count(1)).isEqualTo(2);
  }

  @Test
  void aNewArticleStartsFromZeroWithoutClearingTheTable() {
    CandidateTally tally = new CandidateTally();
    Story a = story(11);
    tally.reset(2);
    tally.add(11, a, 3.0);
    tally.add(11, a, 3.0);
    tally.reset(1);
    tally.add(11, a, 0.5);

    assertThat(tally.size()).isEqualTo(1);
    assertThat(tally.weight(0)).isEqualTo(0.5);
    assertThat(tally.count(0)).isEqualTo(1);
  }

  @Test
  void serialsThatCollideInTheTableStayApart() {
    CandidateTally tally = new CandidateTally();
    int stories = 3_000; // more than a fifth of the initial table, so probing runs long and wraps
    tally.reset(2 * stories);
    for (int round = 0; round < 2; round++) {
      for (int serial = 0; serial < stories; serial++) {
        tally.add(serial * 4096, story(serial * 4096), serial + 1);
      }
    }
    assertThat(tally.size()).isEqualTo(stories);
    for (int i = 0; i < stories; i++) {
      assertThat(tally.story(i).serial).isEqualTo(i * 4096);
      assertThat(tally.count(i)).isEqualTo(2);
      assertThat(tally.weight(i)).isEqualTo(2.0 * (i + 1));
    }
  }

  @Test
  void growsForAnArticleWithMoreEntriesThanTheTableHolds() {
    CandidateTally tally = new CandidateTally();
    int entries = 20_000;
    tally.reset(entries);
    for (int serial = 0; serial < entries; serial++) {
      tally.add(serial, story(serial), 1);
    }
    assertThat(tally.size()).isEqualTo(entries);
    assertThat(tally.story(entries - 1).serial).isEqualTo(entries - 1);
    assertThat(tally.count(entries - 1)).isEqualTo(1);
  }

  @Test
  void releaseDropsTheStoriesOfTheLastArticle() {
    CandidateTally tally = new CandidateTally();
    tally.reset(1);
    tally.add(5, story(5), 1);
    tally.release();
    assertThat(tally.story(0)).isNull();
  }
}
