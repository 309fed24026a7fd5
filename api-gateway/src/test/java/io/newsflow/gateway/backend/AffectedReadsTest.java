package io.newsflow.gateway.backend;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which cached reads one article can change: the store's filters, and "affected" whenever unsure. */
class AffectedReadsTest {

  /** Tokayev and Putin at a CSTO drill, published 27 Nov 2026 in Russian by the Kazinform feed. */
  private static final ArticleChange DRILL = new ArticleChange("9f1c2a7b4d6e8f00112233445566778a", null, "s-csto-2026-11",
      false, Set.of("KAZ", "RUS", "person.tokayev", "org.csto"), Set.of("military-exercises", "alliance-politics"),
      "feed-kazinform", "ru", Instant.parse("2026-11-27T06:15:00Z"), Set.of("KAZ", "org.csto"), Set.of("military-exercises"), true);

  private static boolean affects(ArticleChange change, String pathAndQuery) {
    return AffectedReads.affects(change, Backend.STORE, pathAndQuery);
  }

  @Test
  void timelineFiltersOnActorsThemesSourceAndLanguage() {
    assertThat(affects(DRILL, "/internal/v1/timeline?limit=50")).isTrue();
    assertThat(affects(DRILL, "/internal/v1/timeline?actor=KAZ&limit=50")).isTrue();
    assertThat(affects(DRILL, "/internal/v1/timeline?actor=MNG&actor=RUS")).as("any of them").isTrue();
    assertThat(affects(DRILL, "/internal/v1/timeline?actor=MNG&limit=50")).isFalse();
    assertThat(affects(DRILL, "/internal/v1/timeline?actor=KAZ&actor=RUS&actorMode=all")).isTrue();
    assertThat(affects(DRILL, "/internal/v1/timeline?actor=KAZ&actor=CHN&actorMode=all")).isFalse();
    assertThat(affects(DRILL, "/internal/v1/timeline?actor=KAZ&theme=military-exercises")).isTrue();
    assertThat(affects(DRILL, "/internal/v1/timeline?actor=KAZ&theme=trade")).isFalse();
    assertThat(affects(DRILL, "/internal/v1/timeline?actor=person.tokayev&source=feed-kazinform")).isTrue();
    assertThat(affects(DRILL, "/internal/v1/timeline?source=feed-tengrinews")).isFalse();
    assertThat(affects(DRILL, "/internal/v1/timeline?language=RU")).isTrue();
    assertThat(affects(DRILL, "/internal/v1/timeline?language=kk")).isFalse();
  }

  @Test
  void timelineRangesUseTheTimelineTimeFromInclusiveToExclusive() {
    assertThat(affects(DRILL, "/internal/v1/timeline?actor=KAZ&from=2026-11-01&to=2026-12-01")).isTrue();
    assertThat(affects(DRILL, "/internal/v1/timeline?actor=KAZ&from=2025-01-01&to=2025-02-01")).isFalse();
    assertThat(affects(DRILL, "/internal/v1/timeline?from=2026-11-27T06%3A15%3A00Z")).as("from is inclusive").isTrue();
    assertThat(affects(DRILL, "/internal/v1/timeline?to=2026-11-27T06%3A15%3A00Z")).as("to is exclusive").isFalse();
    assertThat(affects(DRILL, "/internal/v1/timeline?from=yesterday")).as("unreadable bound: assume affected").isTrue();
  }

  @Test
  void aTitleSearchOrAnUpdatedArticleCountsAsAffectedWhenTheFiltersCannotRuleItOut() {
    assertThat(affects(DRILL, "/internal/v1/timeline?q=pipeline")).isTrue();
    ArticleChange update = new ArticleChange(DRILL.articleId(), null, DRILL.storyId(), true, Set.of("KAZ"), Set.of("trade"),
        "feed-kazinform", "ru", DRILL.timelineAt(), Set.of(), Set.of(), false);
    assertThat(affects(update, "/internal/v1/timeline?actor=MNG"))
        .as("its old tags, which the record does not carry, may have been MNG").isTrue();
    assertThat(affects(update, "/internal/v1/events?actor=MNG")).isTrue();
  }

  @Test
  void articlesStoriesActorsAndStatsMatchByIdOrTag() {
    assertThat(affects(DRILL, "/internal/v1/articles/9f1c2a7b4d6e8f00112233445566778a")).isTrue();
    assertThat(affects(DRILL, "/internal/v1/articles/00000000000000000000000000000000")).isFalse();
    ArticleChange reprint = new ArticleChange("abababababababababababababababab", DRILL.articleId(), DRILL.storyId(), false,
        DRILL.actorIds(), DRILL.themeIds(), "feed-tengrinews", "ru", DRILL.timelineAt(), Set.of(), Set.of(), false);
    assertThat(affects(reprint, "/internal/v1/articles/9f1c2a7b4d6e8f00112233445566778a"))
        .as("the original's view lists its duplicates").isTrue();
    assertThat(affects(DRILL, "/internal/v1/stories/s-csto-2026-11")).isTrue();
    assertThat(affects(DRILL, "/internal/v1/stories/s-other")).isFalse();
    assertThat(affects(DRILL, "/internal/v1/actors/org.csto")).isTrue();
    assertThat(affects(DRILL, "/internal/v1/actors/org.sco")).isFalse();
    assertThat(affects(DRILL, "/internal/v1/actors?q=toka&limit=10")).as("counts in search results").isTrue();
    assertThat(affects(DRILL, "/internal/v1/themes")).isTrue();
    assertThat(affects(DRILL, "/internal/v1/stats/volume?dimension=theme&key=trade&key=alliance-politics")).isTrue();
    assertThat(affects(DRILL, "/internal/v1/stats/volume?dimension=actor&key=MNG")).isFalse();
    assertThat(affects(DRILL, "/internal/v1/stats/cooccurrence?actor=RUS")).isTrue();
    assertThat(affects(DRILL, "/internal/v1/stats/cooccurrence?actor=IND")).isFalse();
    assertThat(affects(DRILL, "/internal/v1/stats/cooccurrence")).isTrue();
  }

  @Test
  void eventsNeedDatedEventsAndMatchTheirActorAndTheme() {
    assertThat(affects(DRILL, "/internal/v1/events?actor=org.csto&theme=military-exercises")).isTrue();
    assertThat(affects(DRILL, "/internal/v1/events?actor=IND")).isFalse();
    ArticleChange noEvents = new ArticleChange("cdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcd", null, null, false, Set.of("KAZ"), Set.of(),
        "feed-kazinform", "ru", DRILL.timelineAt(), Set.of(), Set.of(), false);
    assertThat(affects(noEvents, "/internal/v1/events?actor=KAZ")).isFalse();
  }

  @Test
  void ingestAnswersAreNotMadeOfArticles() {
    assertThat(AffectedReads.affects(DRILL, Backend.INGEST, "/internal/v1/feeds")).isFalse();
  }
}
