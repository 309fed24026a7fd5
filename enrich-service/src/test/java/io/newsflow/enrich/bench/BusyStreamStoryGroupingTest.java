package io.newsflow.enrich.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.enrich.dedupe.DedupeSettings;
import io.newsflow.enrich.dedupe.Deduplicator;
import io.newsflow.enrich.dedupe.SignatureSink;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Story grouping in a stream busy enough that common words' and actors' story lists are full, where
 * the labelled sets of StoryQualityTest (70 articles) never go: the candidate tally must still find the
 * story of each event and must not merge events that share only common words and actors. The stream
 * is StoryCostHarness's; its cost is measured there, not here.
 */
class BusyStreamStoryGroupingTest {

  @Test
  void groupsEachEventsReportsAndKeepsEventsApartInABusyStream() {
    List<StoryCostHarness.Item> items = StoryCostHarness.stream(12_000, new Random(11));
    Deduplicator deduplicator = new Deduplicator(DedupeSettings.DEFAULTS, "test", SignatureSink.NONE);
    String[] storyOf = new String[items.size()];
    for (int i = 0; i < items.size(); i++) {
      StoryCostHarness.Item item = items.get(i);
      storyOf[i] = deduplicator.decide(item.raw(), item.fingerprint(), "raw-0@" + i, item.actors()).orElseThrow()
          .storyId();
    }
    StoryCostHarness.Agreement agreement = StoryCostHarness.agreement(items, storyOf);
    assertThat(agreement.precision()).as("pairs put in one story that are one event").isGreaterThanOrEqualTo(0.98);
    assertThat(agreement.recall()).as("pairs of one event put in one story").isGreaterThanOrEqualTo(0.85);
  }
}
