package io.newsflow.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoSocketException;
import com.mongodb.ServerAddress;
import io.newsflow.model.article.EnrichedArticle;
import io.newsflow.store.actor.ActorDirectory;
import io.newsflow.store.actor.ActorDirectory.ActorMatch;
import io.newsflow.store.article.ArticleWriter;
import io.newsflow.store.timeline.TimelineCursor;
import io.newsflow.store.timeline.TimelineItem;
import io.newsflow.store.timeline.TimelinePage;
import io.newsflow.store.timeline.TimelineRequest;
import io.newsflow.store.timeline.TitleWords;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Write order and the stale-version guard, free text and actor search, on every server of {@link StoreSuite}.
 * A read model that throws stands for a crash in the middle of a batch.
 */
public abstract class ConsistencySuite extends StoreSuite {

  /** Real MongoDB runs update pipelines and {@code $text}; the embedded server does neither. */
  protected abstract boolean isRealMongo();

  static final ArticleWriter.ReadModel CRASH = (changes, buckets) -> {
    throw new MongoSocketException("connection lost in the middle of the batch", new ServerAddress());
  };

  @Test
  void anArticleCutShortIsReadableBeforeItIsOnATimelineAndTheRetryFinishesIt() {
    EnrichedArticle e = kazakhDrills("2024/09/drills", "2024-09-12T07:30:00Z").build();
    assertThatThrownBy(() -> writer(List.of(CRASH)).write(List.of(e))).isInstanceOf(MongoSocketException.class);

    assertThat(reader.find(e.articleId())).isPresent();
    assertThat(query.page(actorTimeline(50, "KAZ")).items()).isEmpty();
    assertThat(query.page(TimelineRequest.latest(50)).items()).isEmpty();

    assertThat(writer.write(List.of(e)).stored()).isEqualTo(1);
    assertThat(ids(query.page(actorTimeline(50, "KAZ")))).containsExactly(e.articleId());
    assertThat(reader.find(e.articleId()).orElseThrow().versionCount()).isEqualTo(1);
    assertThat(aggregates.actor("KAZ").orElseThrow().articleCount()).isEqualTo(1);
    assertThat(writer.write(List.of(e)).replays()).isEqualTo(1);
  }

  @Test
  void aNewerVersionAfterOneCutShortLeavesNoTraceOfIt() {
    Articles v1 = kazakhDrills("2024/09/drills", "2024-09-12T07:30:00Z").title("Drills near Almaty");
    writer.write(List.of(v1.build()));
    EnrichedArticle v2 = Articles.article("2024/09/drills").revision(2).occurredAt("2024-09-13T08:00:00Z")
        .publishedAt("2024-09-13T06:00:00Z").title("Drills moved to the Chinese border")
        .actor("CHN", "China", "STATE", 0.9).theme("border-security", "Border security", 2.0, "border").build();
    assertThatThrownBy(() -> writer(List.of(CRASH)).write(List.of(v2))).isInstanceOf(MongoSocketException.class);
    Articles v3 = Articles.article("2024/09/drills").revision(3).occurredAt("2024-09-14T08:00:00Z")
        .publishedAt("2024-09-14T06:00:00Z").title("Correction: drills held near Bishkek")
        .actor("KGZ", "Kyrgyzstan", "STATE", 0.9).theme("military-exercises", "Military exercises", 2.2, "drills");
    writer.write(List.of(v3.build()));

    assertThat(query.page(actorTimeline(50, "KAZ")).items()).isEmpty();
    assertThat(query.page(actorTimeline(50, "CHN")).items()).isEmpty();
    assertThat(query.page(themeTimeline("border-security")).items()).isEmpty();
    assertThat(query.page(actorTimeline(50, "KGZ")).items()).extracting(TimelineItem::title)
        .containsExactly("Correction: drills held near Bishkek");
    assertThat(ids(query.page(TimelineRequest.latest(50)))).containsExactly(v1.id());
    assertThat(reader.find(v1.id()).orElseThrow().revision()).isEqualTo(3);
    assertThat(aggregates.actor("CHN").map(a -> a.articleCount()).orElse(0L)).isZero();
  }

  @Test
  void staleVersionGuardIsTheOneThisServerCanRun() {
    assertThat(writer.staleVersionGuard()).startsWith(isRealMongo() ? "update pipeline" : "read, then write by _id");
  }

  @Test
  void textThatLooksLikeAnOperatorIsStoredAsWritten() {
    Articles v1 = kazakhDrills("2024/09/loan", "2024-09-12T07:30:00Z").title("$5bn loan: Astana's {\"$gt\": 1} plan");
    Articles v2 = kazakhDrills("2024/09/loan", "2024-09-12T07:30:00Z").revision(2).occurredAt("2024-09-12T10:00:00Z")
        .title("$literal $$ROOT: $6bn loan agreed").text("$set {\"$cond\": []} and $$ROOT stay text.");
    writer.write(List.of(v1.build()));
    writer.write(List.of(v2.build()));

    assertThat(reader.find(v1.id()).orElseThrow().title()).isEqualTo("$literal $$ROOT: $6bn loan agreed");
    assertThat(reader.find(v1.id()).orElseThrow().text()).isEqualTo("$set {\"$cond\": []} and $$ROOT stay text.");
    assertThat(reader.find(v1.id()).orElseThrow().versionCount()).isEqualTo(2);
  }

  @Test
  void freeTextMatchesEveryWordOfTheTitleNewestFirstWithTheIndexWhereTheServerHasOne() {
    assertThat(indexes.textSearch()).isEqualTo(isRealMongo());
    Articles older = kazakhDrills("t/1", "2024-09-10T06:00:00Z").title("Kazakhstan pipeline talks resume in Aktau");
    Articles newer = Articles.article("t/2").publishedAt("2024-09-12T06:00:00Z").title("Pipeline to China: Kazakhstan signs deal")
        .actor("CHN", "China", "STATE", 0.8).theme("energy-transit", "Energy transit", 2.0, "pipeline");
    Articles other = kazakhDrills("t/3", "2024-09-11T06:00:00Z").title("Kazakhstan hosts drills");
    Articles copy = kazakhDrills("t/4", "2024-09-12T07:00:00Z").title("Kazakhstan pipeline talks resume").duplicateOf(older.id());
    writer.write(List.of(older.build(), newer.build(), other.build(), copy.build()));

    TimelineRequest words = text("PIPELINE kazakhstan", List.of(), 50, null);
    assertThat(ids(query.page(words))).containsExactly(newer.id(), older.id());
    assertThat(ids(query.page(text("pipeline", List.of("CHN"), 50, null)))).containsExactly(newer.id());
    assertThat(query.page(text("pipelines", List.of(), 50, null)).items()).isEmpty();
    TimelinePage first = query.page(text("kazakhstan", List.of(), 1, null));
    assertThat(ids(first)).containsExactly(newer.id());
    assertThat(ids(query.page(text("kazakhstan", List.of(), 5, TimelineCursor.decode(first.nextCursor())))))
        .containsExactly(other.id(), older.id());
  }

  static TimelineRequest text(String q, List<String> actors, int limit, TimelineCursor cursor) {
    return new TimelineRequest(actors, false, List.of(), null, null, TitleWords.of(q), null, null, limit, cursor, false);
  }

  @Test
  void actorSearchMatchesAPrefixOfAnyWordOfANameOrAliasIgnoringCaseAndDiacritics() {
    writer.write(List.of(
        Articles.article("a/1").publishedAt("2024-09-10T06:00:00Z").title("Tokayev meets Erdoğan")
            .actor("KAZ", "Kazakhstan", "STATE", 0.9, "Qazaqstan", "Kazakh")
            .actor("person.tokayev", "Kassym-Jomart Tokayev", "PERSON", 0.8, "Tokaev")
            .actor("TUR", "Türkiye", "STATE", 0.5, "Turkey").build(),
        Articles.article("a/2").publishedAt("2024-09-11T06:00:00Z").title("CSTO summit in Astana")
            .actor("KAZ", "Kazakhstan", "STATE", 0.9)
            .actor("org.csto", "CSTO", "ALLIANCE", 0.7, "Collective Security Treaty Organization").build()));
    ActorDirectory directory = new ActorDirectory(db, Duration.ZERO, Clock.systemUTC());

    assertThat(directory.search("kaz", 10)).extracting(ActorMatch::actorId).containsExactly("KAZ");
    assertThat(directory.search("QAZAQ", 10)).extracting(ActorMatch::actorId).containsExactly("KAZ");
    assertThat(directory.search("jomart", 10)).extracting(ActorMatch::actorId).containsExactly("person.tokayev");
    assertThat(directory.search("toka", 10)).extracting(ActorMatch::actorId).containsExactly("person.tokayev");
    assertThat(directory.search("turk", 10)).extracting(ActorMatch::actorId).containsExactly("TUR");
    assertThat(directory.search("Türk", 10)).extracting(ActorMatch::actorId).containsExactly("TUR");
    assertThat(directory.search("collective sec", 10)).extracting(ActorMatch::actorId).containsExactly("org.csto");
    assertThat(directory.search("security nato", 10)).isEmpty();
    assertThat(directory.search("uzbek", 10)).isEmpty();
    assertThat(directory.search("", 10)).isEmpty();
    assertThat(directory.search("k", 10)).extracting(ActorMatch::actorId).containsExactly("KAZ", "person.tokayev");
    assertThat(directory.top(2)).containsExactly(new ActorMatch("KAZ", "Kazakhstan", "STATE", 2),
        new ActorMatch("TUR", "Türkiye", "STATE", 1));
  }

  @Test
  void actorSearchSeesNewActorsAfterItsRefreshInterval() {
    writer.write(List.of(Articles.article("b/1").publishedAt("2024-09-10T06:00:00Z").actor("KAZ", "Kazakhstan", "STATE", 0.9).build()));
    ActorDirectory cached = new ActorDirectory(db, Duration.ofHours(1), Clock.systemUTC());
    assertThat(cached.search("uzb", 10)).isEmpty();
    writer.write(List.of(Articles.article("b/2").publishedAt("2024-09-11T06:00:00Z").actor("UZB", "Uzbekistan", "STATE", 0.9).build()));

    assertThat(cached.search("uzb", 10)).isEmpty();
    cached.invalidate();
    assertThat(cached.search("uzb", 10)).extracting(ActorMatch::articleCount).containsExactly(1L);
  }
}
