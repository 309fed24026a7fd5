package io.newsflow.store.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PairCountsTest {

  @Test
  void summariesOfSeveralDaysAddUpToTheMostFrequentPairsWithTheirThemes() {
    PairCounts monday = new PairCounts();
    monday.addArticle(List.of("KAZ", "RUS", "org.csto"), List.of("military-exercises"));
    monday.addArticle(List.of("RUS", "KAZ"), List.of("energy-transit", "trade"));
    PairCounts tuesday = new PairCounts();
    tuesday.addArticle(List.of("CHN", "KAZ"), List.of("trade"));
    tuesday.addArticle(List.of("KAZ", "RUS", "KAZ"), List.of("trade"));

    List<Aggregates.Pair> top = PairCounts.top(List.of(monday.encode(), tuesday.encode()), null, 2);

    assertThat(top).extracting(Aggregates.Pair::a, Aggregates.Pair::b, Aggregates.Pair::count)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("KAZ", "RUS", 3L), org.assertj.core.groups.Tuple.tuple("CHN", "KAZ", 1L));
    assertThat(top.getFirst().themes()).isEqualTo(Map.of("military-exercises", 1L, "energy-transit", 1L, "trade", 2L));
    assertThat(PairCounts.top(List.of(monday.encode(), tuesday.encode()), "org.csto", 10))
        .extracting(Aggregates.Pair::b).containsExactly("org.csto", "org.csto");
  }

  @Test
  void idsHoldingTheSeparatorsSurviveTheStoredForm() {
    PairCounts odd = new PairCounts();
    odd.addArticle(List.of("a b=c", "tab\there", "100%"), List.of("theme with space=1"));

    PairCounts back = PairCounts.decode(odd.encode());

    assertThat(back.top(null, 10)).isEqualTo(odd.top(null, 10));
    assertThat(PairCounts.top(List.of(odd.encode()), "a b=c", 10)).hasSize(2)
        .allSatisfy(p -> assertThat(p.themes()).containsEntry("theme with space=1", 1L));
  }
}
