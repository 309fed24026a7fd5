package io.newsflow.enrich.dedupe;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.enrich.support.RawArticles;
import io.newsflow.model.article.Dedupe;
import io.newsflow.model.article.DedupeVerdict;
import io.newsflow.model.article.RawArticle;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DeduplicatorTest {

  static final Instant T0 = Instant.parse("2024-09-12T07:30:00Z");

  static final String TEXT = """
      Kazakhstan and Uzbekistan signed an agreement on Tuesday to build a joint industrial cooperation centre \
      on their border near Saryagash, the two presidents said after talks in Tashkent. The centre is meant to \
      double trade between the two largest Central Asian economies to ten billion dollars by 2030. Officials \
      said customs posts would be modernised and a new rail crossing opened next spring, easing the queues of \
      lorries that have built up since the pandemic. The presidents also discussed water sharing on the Syr \
      Darya and a regional electricity market.""";

  static final String OTHER_TEXT = """
      Kazakhstan's central bank kept its base rate at 14.25 percent on Friday, citing persistent inflation in \
      services and the pressure of a weaker tenge on import prices. The regulator said it would consider cuts \
      only once monthly price growth slowed for a whole quarter, and warned that fiscal spending on housing \
      and utilities upgrades was adding to demand. Analysts had expected a hold after two cuts earlier in the \
      year, and bond yields barely moved after the announcement.""";

  final List<DedupeEntry> published = new ArrayList<>();
  final Deduplicator deduplicator = new Deduplicator(DedupeSettings.DEFAULTS, "test", published::add);

  Optional<Dedupe> decide(RawArticle raw, String origin) {
    return deduplicator.decide(raw, ContentFingerprint.of(raw.text()), origin, List.of("KAZ", "UZB"));
  }

  @Test
  void firstSightingIsNewAndStartsAStory() {
    RawArticle raw = RawArticles.article("https://a.example/1", "a.example", "Border trade centre", TEXT, T0);
    Dedupe d = decide(raw, "raw-0@1").orElseThrow();
    assertThat(d.verdict()).isEqualTo(DedupeVerdict.NEW);
    assertThat(d.storyId()).isEqualTo("s-" + raw.articleId());
    assertThat(d.contentHash()).isEqualTo(raw.contentHash());
    assertThat(published).singleElement().extracting(DedupeEntry::articleId).isEqualTo(raw.articleId());
  }

  @Test
  void sameArticleSameTextFromAnotherRecordIsDroppedButARedeliveryIsNot() {
    RawArticle raw = RawArticles.article("https://a.example/1", "a.example", "Border trade centre", TEXT, T0);
    Dedupe first = decide(raw, "raw-0@1").orElseThrow();
    assertThat(deduplicator.isReplay(raw.articleId(), raw.contentHash(), "raw-0@9")).isTrue();
    assertThat(decide(raw, "raw-0@9")).isEmpty();
    // the same record again (its publication may have failed): same verdict, published again
    assertThat(deduplicator.isReplay(raw.articleId(), raw.contentHash(), "raw-0@1")).isFalse();
    assertThat(decide(raw, "raw-0@1")).contains(first);
  }

  @Test
  void punctuationAndCaseChangesAreTheSameText() {
    RawArticle raw = RawArticles.article("https://a.example/1", "a.example", "Border trade centre", TEXT, T0);
    decide(raw, "raw-0@1");
    RawArticle shouted = RawArticles.article("https://a.example/1", "a.example", "Border trade centre",
        TEXT.toUpperCase().replace(",", " ,"), T0);
    assertThat(decide(shouted, "raw-0@2")).isEmpty();
  }

  @Test
  void changedTextUnderTheSameIdIsAnUpdateInTheSameStory() {
    RawArticle raw = RawArticles.article("https://a.example/1", "a.example", "Border trade centre", TEXT, T0);
    Dedupe first = decide(raw, "raw-0@1").orElseThrow();
    RawArticle changed = RawArticles.revision("https://a.example/1", "a.example", "Border trade centre",
        TEXT + " Update: the Uzbek side said the centre would open in 2026.", T0, 2);
    Dedupe update = decide(changed, "raw-0@2").orElseThrow();
    assertThat(update.verdict()).isEqualTo(DedupeVerdict.UPDATE);
    assertThat(update.storyId()).isEqualTo(first.storyId());
    assertThat(update.duplicateOf()).isNull();
  }

  @Test
  void sameTextUnderAnotherIdIsAnExactDuplicate() {
    RawArticle raw = RawArticles.article("https://a.example/1", "a.example", "Border trade centre", TEXT, T0);
    Dedupe first = decide(raw, "raw-0@1").orElseThrow();
    RawArticle copy = RawArticles.article("https://b.example/x", "b.example", "Tashkent deal", TEXT, T0.plusSeconds(60));
    Dedupe d = decide(copy, "raw-1@1").orElseThrow();
    assertThat(d.verdict()).isEqualTo(DedupeVerdict.DUPLICATE);
    assertThat(d.duplicateOf()).isEqualTo(raw.articleId());
    assertThat(d.similarity()).isEqualTo(1.0);
    assertThat(d.storyId()).isEqualTo(first.storyId());
  }

  @Test
  void syndicatedCopyWithOtherBoilerplateIsANearDuplicateOfTheRoot() {
    RawArticle raw = RawArticles.article("https://a.example/1", "a.example", "Border trade centre", TEXT, T0);
    decide(raw, "raw-0@1");
    RawArticle copy = RawArticles.article("https://b.example/x", "b.example", "Kazakh-Uzbek trade hub agreed",
        "TASHKENT (Reuters) - " + TEXT.replace("next spring", "in the spring") + " Reporting by Olzhas Auyezov; editing by Mark Heinrich.",
        T0.plusSeconds(600));
    Dedupe d = decide(copy, "raw-1@1").orElseThrow();
    assertThat(d.verdict()).isEqualTo(DedupeVerdict.DUPLICATE);
    assertThat(d.duplicateOf()).isEqualTo(raw.articleId());
    assertThat(d.similarity()).isBetween(0.6, 1.0);

    RawArticle copyOfCopy = RawArticles.article("https://c.example/y", "c.example", "Trade hub",
        copy.text() + " Follow us on Telegram.", T0.plusSeconds(900));
    assertThat(decide(copyOfCopy, "raw-2@1").orElseThrow().duplicateOf()).isEqualTo(raw.articleId());
  }

  @Test
  void differentArticleOnTheSameTopicIsNew() {
    decide(RawArticles.article("https://a.example/1", "a.example", "Border trade centre", TEXT, T0), "raw-0@1");
    Dedupe d = decide(RawArticles.article("https://a.example/2", "a.example", "Base rate on hold", OTHER_TEXT, T0), "raw-0@2")
        .orElseThrow();
    assertThat(d.verdict()).isEqualTo(DedupeVerdict.NEW);
  }

  @Test
  void forgetsArticlesOutsideTheWindowAndBeyondCapacity() {
    Deduplicator small = new Deduplicator(new DedupeSettings(2, Duration.ofDays(1), 0.5, Duration.ofHours(72)), "t", SignatureSink.NONE);
    RawArticle a = RawArticles.article("https://a.example/1", "a.example", "t", TEXT, T0);
    small.decide(a, ContentFingerprint.of(a.text()), "r@1", List.of());
    RawArticle b = RawArticles.article("https://a.example/2", "a.example", "t", OTHER_TEXT, T0.plus(Duration.ofDays(2)));
    small.decide(b, ContentFingerprint.of(b.text()), "r@2", List.of());
    assertThat(small.size()).isEqualTo(1);
    // a is forgotten: its text under another id is new again
    RawArticle copy = RawArticles.article("https://b.example/1", "b.example", "t", TEXT, T0.plus(Duration.ofDays(2)));
    assertThat(small.decide(copy, ContentFingerprint.of(copy.text()), "r@3", List.of()).orElseThrow().verdict())
        .isEqualTo(DedupeVerdict.NEW);
    for (int i = 0; i < 5; i++) {
      RawArticle n = RawArticles.article("https://c.example/" + i, "c.example", "t", OTHER_TEXT + " item " + i + " of a series",
          T0.plus(Duration.ofDays(2)));
      small.decide(n, ContentFingerprint.of(n.text()), "r@" + (10 + i), List.of());
    }
    assertThat(small.size()).isEqualTo(2);
  }

  @Test
  void learnsFromEntriesOfOtherInstances() {
    RawArticle raw = RawArticles.article("https://a.example/1", "a.example", "Border trade centre", TEXT, T0);
    decide(raw, "raw-0@1");
    Deduplicator other = new Deduplicator(DedupeSettings.DEFAULTS, "other", SignatureSink.NONE);
    published.forEach(other::observe);
    RawArticle copy = RawArticles.article("https://b.example/x", "b.example", "Tashkent deal", TEXT, T0);
    Dedupe d = other.decide(copy, ContentFingerprint.of(copy.text()), "raw-1@1", List.of()).orElseThrow();
    assertThat(d.verdict()).isEqualTo(DedupeVerdict.DUPLICATE);
    assertThat(d.duplicateOf()).isEqualTo(raw.articleId());
    assertThat(other.isReplay(raw.articleId(), raw.contentHash(), "raw-0@5")).isTrue();
  }
}
