package io.newsflow.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import io.newsflow.model.article.EnrichedArticle;
import io.newsflow.store.article.ArticleLinks;
import io.newsflow.store.article.ArticleReader;
import io.newsflow.store.article.ArticleView;
import io.newsflow.store.article.ArticleWriter;
import io.newsflow.store.mongo.Indexes;
import io.newsflow.store.timeline.Aggregates;
import io.newsflow.store.timeline.CooccurrenceDays;
import io.newsflow.store.timeline.EventTimeline;
import io.newsflow.store.timeline.EventTimelineQuery;
import io.newsflow.store.timeline.EventTimelineQuery.EventRequest;
import io.newsflow.store.timeline.TimelineCursor;
import io.newsflow.store.timeline.TimelineItem;
import io.newsflow.store.timeline.TimelinePage;
import io.newsflow.store.timeline.TimelineQuery;
import io.newsflow.store.timeline.TimelineRequest;
import io.newsflow.store.timeline.TitleWords;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The store's behaviour, run against every MongoDB-wire server the subclasses provide: the embedded
 * server in memory and on H2, and real MongoDB where Docker runs.
 */
public abstract class StoreSuite {

  protected abstract String mongoUri();

  protected MongoClient client;
  protected MongoDatabase db;
  protected ArticleWriter writer;
  protected TimelineQuery query;
  protected ArticleReader reader;
  protected EventTimelineQuery events;
  protected Aggregates aggregates;
  protected Indexes.IndexReport indexes;

  @BeforeEach
  void connect() {
    client = MongoClients.create(mongoUri());
    // a fresh database per test keeps tests independent on a shared server
    db = client.getDatabase("t" + UUID.randomUUID().toString().replace("-", "").substring(0, 12));
    indexes = Indexes.ensure(db);
    writer = writer(List.of());
    query = new TimelineQuery(db, 20_000, indexes::textSearch);
    reader = new ArticleReader(db);
    events = new EventTimelineQuery(db);
    aggregates = new Aggregates(db);
  }

  @AfterEach
  void disconnect() {
    db.drop();
    client.close();
  }

  /** The writer of the service, with {@code extra} read models after its own (a failing one simulates a crash). */
  protected ArticleWriter writer(List<ArticleWriter.ReadModel> extra) {
    List<ArticleWriter.ReadModel> models = new ArrayList<>(List.of(new ArticleLinks(db), new EventTimeline(db), new CooccurrenceDays(db)));
    models.addAll(extra);
    return new ArticleWriter(db, models, Clock.fixed(Instant.parse("2024-09-12T09:00:00Z"), ZoneOffset.UTC));
  }

  static Articles kazakhDrills(String slug, String publishedAt) {
    return Articles.article(slug).publishedAt(publishedAt)
        .actor("KAZ", "Kazakhstan", "STATE", 0.9).actor("RUS", "Russia", "STATE", 0.6)
        .theme("military-exercises", "Military exercises", 2.5, "joint exercises");
  }

  static TimelineRequest actorTimeline(int limit, String... actors) {
    return new TimelineRequest(List.of(actors), false, List.of(), null, null, List.of(), null, null, limit, null, false);
  }

  static TimelineRequest themeTimeline(String theme) {
    return new TimelineRequest(List.of(), false, List.of(theme), null, null, List.of(), null, null, 50, null, false);
  }

  static List<String> ids(TimelinePage page) {
    return page.items().stream().map(TimelineItem::articleId).toList();
  }

  @Test
  void consumedArticlesAppearOnTheirActorAndThemeTimelinesNewestFirst() {
    Articles older = kazakhDrills("2024/09/drills-open", "2024-09-10T06:00:00Z").title("CSTO drills open at Matybulak");
    Articles newer = kazakhDrills("2024/09/drills-close", "2024-09-14T18:45:00Z").title("CSTO drills end with live firing");
    Articles pipeline = Articles.article("2024/09/cpc-pipeline").publishedAt("2024-09-12T11:00:00Z")
        .title("CPC pipeline resumes loadings at Novorossiysk")
        .actor("KAZ", "Kazakhstan", "STATE", 0.7).theme("energy-transit", "Energy transit", 3.1, "pipeline");
    writer.write(List.of(older.build(), pipeline.build(), newer.build()));

    assertThat(ids(query.page(actorTimeline(50, "KAZ")))).containsExactly(newer.id(), pipeline.id(), older.id());
    assertThat(ids(query.page(actorTimeline(50, "RUS")))).containsExactly(newer.id(), older.id());
    assertThat(ids(query.page(themeTimeline("energy-transit")))).containsExactly(pipeline.id());
    assertThat(ids(query.page(TimelineRequest.latest(2)))).containsExactly(newer.id(), pipeline.id());

    TimelineItem item = query.page(themeTimeline("energy-transit")).items().getFirst();
    assertThat(item.title()).isEqualTo("CPC pipeline resumes loadings at Novorossiysk");
    assertThat(item.publishedAt()).isEqualTo(Instant.parse("2024-09-12T11:00:00Z"));
    assertThat(item.actors()).extracting(TimelineItem.ActorRef::actorId).containsExactly("KAZ");
    assertThat(item.themes().getFirst().evidence()).containsExactly("pipeline");
    assertThat(item.verdict()).isEqualTo("NEW");
    assertThat(item.excerpt()).startsWith("Troops from Kazakhstan");
  }

  @Test
  void replayedArticleIsStoredOnce() {
    EnrichedArticle drills = kazakhDrills("2024/09/drills", "2024-09-12T07:30:00Z").build();
    assertThat(writer.write(List.of(drills, drills)).stored()).isEqualTo(1);
    ArticleWriter.WriteSummary replay = writer.write(List.of(drills));

    assertThat(replay.stored()).isZero();
    assertThat(replay.replays()).isEqualTo(1);
    assertThat(db.getCollection("articles").countDocuments()).isEqualTo(1);
    assertThat(ids(query.page(actorTimeline(50, "KAZ")))).containsExactly(drills.articleId());
    assertThat(reader.find(drills.articleId()).orElseThrow().versionCount()).isEqualTo(1);
  }

  @Test
  void replayOfAnEventStampedInMicrosecondsIsStillAReplay() {
    // enrich stamps occurredAt with the system clock (microseconds); BSON dates keep milliseconds
    EnrichedArticle drills = kazakhDrills("2024/09/drills-micro", "2024-09-12T07:30:00Z").occurredAt("2024-09-12T08:00:00.123456Z").build();
    assertThat(writer.write(List.of(drills)).stored()).isEqualTo(1);

    ArticleWriter.WriteSummary replay = writer.write(List.of(drills));

    assertThat(replay.stored()).isZero();
    assertThat(replay.replays()).isEqualTo(1);
    assertThat(reader.find(drills.articleId()).orElseThrow().versionCount()).isEqualTo(1);
  }

  @Test
  void staleVersionNeverOverwritesNewerOne() {
    Articles v2 = kazakhDrills("2024/09/drills", "2024-09-12T07:30:00Z").revision(2)
        .title("UPDATED: CSTO drills near Almaty draw 1,500 troops").occurredAt("2024-09-12T10:00:00Z");
    Articles v1 = kazakhDrills("2024/09/drills", "2024-09-12T07:30:00Z").revision(1)
        .title("CSTO drills near Almaty").occurredAt("2024-09-12T08:00:00Z");
    writer.write(List.of(v2.build()));
    ArticleWriter.WriteSummary late = writer.write(List.of(v1.build()));

    assertThat(late.stale()).isEqualTo(1);
    assertThat(reader.find(v2.id()).orElseThrow().title()).startsWith("UPDATED");
    assertThat(query.page(actorTimeline(50, "KAZ")).items()).extracting(TimelineItem::title)
        .containsExactly("UPDATED: CSTO drills near Almaty draw 1,500 troops");
  }

  @Test
  void updateReplacesTheArticleOnEveryTimelineAndKeepsItsHistory() {
    Articles v1 = kazakhDrills("2024/09/drills", "2024-09-12T07:30:00Z").title("Drills near Almaty");
    writer.write(List.of(v1.build()));
    // the correction moves the story to Kyrgyzstan and to another day
    Articles v2 = Articles.article("2024/09/drills").revision(2).occurredAt("2024-09-13T08:00:00Z")
        .publishedAt("2024-09-13T06:00:00Z").title("Correction: drills held near Bishkek")
        .actor("KGZ", "Kyrgyzstan", "STATE", 0.9).theme("military-exercises", "Military exercises", 2.2, "drills");
    writer.write(List.of(v2.build()));

    assertThat(query.page(actorTimeline(50, "KAZ")).items()).isEmpty();
    assertThat(query.page(actorTimeline(50, "KGZ")).items()).extracting(TimelineItem::title)
        .containsExactly("Correction: drills held near Bishkek");
    assertThat(ids(query.page(TimelineRequest.latest(50)))).containsExactly(v1.id());
    ArticleView view = reader.find(v1.id()).orElseThrow();
    assertThat(view.versionCount()).isEqualTo(2);
    assertThat(view.revision()).isEqualTo(2);
    assertThat(view.firstSeenAt()).isEqualTo(Instant.parse("2024-09-12T09:00:00Z"));
  }

  @Test
  void duplicateIsLinkedToItsOriginalAndKeptOffTimelinesByDefault() {
    Articles original = kazakhDrills("2024/09/drills", "2024-09-12T07:30:00Z").story("s-drills");
    Articles copy = kazakhDrills("2024/09/reprint-drills", "2024-09-12T09:10:00Z").story("s-drills")
        .feed("f-astana-daily").duplicateOf(original.id());
    // the copy arrives first: the link must not depend on order
    writer.write(List.of(copy.build()));
    writer.write(List.of(original.build()));

    assertThat(ids(query.page(actorTimeline(50, "KAZ")))).containsExactly(original.id());
    TimelineRequest withDuplicates = new TimelineRequest(List.of("KAZ"), false, List.of(), null, null, List.of(),
        null, null, 50, null, true);
    assertThat(ids(query.page(withDuplicates))).containsExactly(copy.id(), original.id());
    assertThat(reader.find(original.id()).orElseThrow().duplicates()).containsExactly(copy.id());
    assertThat(reader.find(copy.id()).orElseThrow().dedupe().duplicateOf()).isEqualTo(original.id());
  }

  @Test
  void articleViewHasEveryEnrichedField() {
    EnrichedArticle e = kazakhDrills("2024/09/drills", "2024-09-12T07:30:00Z")
        .event("2024-09-10", "Troops began CSTO exercises on September 10, 2024.", List.of("KAZ", "RUS"),
            List.of("military-exercises")).build();
    writer.write(List.of(e));

    ArticleView view = reader.find(e.articleId()).orElseThrow();
    assertThat(view.title()).isEqualTo(e.article().title());
    assertThat(view.text()).isEqualTo(e.article().text());
    assertThat(view.canonicalUrl()).isEqualTo(e.article().canonicalUrl());
    assertThat(view.authors()).containsExactly("Aigerim Sadykova");
    assertThat(view.publishedAt()).isEqualTo(e.article().publishedAt());
    assertThat(view.fetchedAt()).isEqualTo(e.article().fetchedAt());
    assertThat(view.actors()).isEqualTo(e.actors());
    assertThat(view.themes()).isEqualTo(e.themes());
    assertThat(view.events()).isEqualTo(e.events());
    assertThat(view.dedupe()).isEqualTo(e.dedupe());
    assertThat(view.duplicates()).isEmpty();
    assertThat(reader.find("0123456789abcdef0123456789abcdef")).isEmpty();
  }

  @Test
  void filtersCombineActorsAllThemesSourceLanguageWordsAndTimeRange() {
    Articles both = kazakhDrills("a/both", "2024-09-12T07:00:00Z").title("Kazakh and Russian troops train together");
    Articles kazOnly = Articles.article("a/kaz").publishedAt("2024-09-12T08:00:00Z").title("Tokayev visits Aktau port")
        .actor("KAZ", "Kazakhstan", "STATE", 0.9).theme("trade", "Trade", 1.8, "port").feed("f-astana-daily").language("ru");
    Articles rusOnly = Articles.article("a/rus").publishedAt("2024-09-13T08:00:00Z").title("Russia hosts SCO meeting")
        .actor("RUS", "Russia", "STATE", 0.9).theme("alliance-politics", "Alliance politics", 2.0, "summit");
    writer.write(List.of(both.build(), kazOnly.build(), rusOnly.build()));

    TimelineRequest all = new TimelineRequest(List.of("KAZ", "RUS"), true, List.of(), null, null, List.of(), null, null, 50, null, false);
    TimelineRequest any = new TimelineRequest(List.of("KAZ", "RUS"), false, List.of(), null, null, List.of(), null, null, 50, null, false);
    assertThat(ids(query.page(all))).containsExactly(both.id());
    assertThat(ids(query.page(any))).containsExactly(rusOnly.id(), kazOnly.id(), both.id());
    assertThat(ids(query.page(new TimelineRequest(List.of("KAZ"), false, List.of("trade"), null, null, List.of(),
        null, null, 50, null, false)))).containsExactly(kazOnly.id());
    assertThat(ids(query.page(new TimelineRequest(List.of(), false, List.of(), "f-astana-daily", null, List.of(),
        null, null, 50, null, false)))).containsExactly(kazOnly.id());
    assertThat(ids(query.page(new TimelineRequest(List.of(), false, List.of(), null, "ru", List.of(),
        null, null, 50, null, false)))).containsExactly(kazOnly.id());
    assertThat(ids(query.page(new TimelineRequest(List.of(), false, List.of(), "f-astana-daily", "ru", List.of(),
        null, null, 50, null, false)))).containsExactly(kazOnly.id());
    assertThat(query.page(new TimelineRequest(List.of(), false, List.of(), Articles.FEED, "ru", List.of(),
        null, null, 50, null, false)).items()).isEmpty();
    assertThat(ids(query.page(new TimelineRequest(List.of(), false, List.of(), Articles.FEED, "en", List.of(),
        null, null, 50, null, false)))).containsExactly(rusOnly.id(), both.id());
    assertThat(ids(query.page(new TimelineRequest(List.of(), false, List.of(), null, null, TitleWords.of("TROOPS train"),
        null, null, 50, null, false)))).containsExactly(both.id());
    assertThat(ids(query.page(new TimelineRequest(List.of(), false, List.of(), null, null, List.of(),
        Instant.parse("2024-09-12T07:30:00Z"), Instant.parse("2024-09-13T08:00:00Z"), 50, null, false))))
        .containsExactly(kazOnly.id());
    assertThat(query.page(actorTimeline(50, "CHN")).items()).isEmpty();
  }

  @Test
  void cursorPagesStayStableWhileNewArticlesArrive() {
    List<EnrichedArticle> batch = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      batch.add(kazakhDrills("2024/09/item-" + i, Instant.parse("2024-09-01T00:00:00Z").plusSeconds(i * 5400L).toString()).build());
    }
    writer.write(batch);
    List<String> expected = batch.reversed().stream().map(EnrichedArticle::articleId).toList();

    List<String> seen = new ArrayList<>();
    TimelinePage page = query.page(actorTimeline(10, "KAZ"));
    seen.addAll(ids(page));
    // newer articles arrive between the pages, one of them in the same hour as the last item shown
    writer.write(List.of(kazakhDrills("2024/09/breaking", "2024-09-03T12:00:00Z").build()));
    while (page.nextCursor() != null) {
      page = query.page(new TimelineRequest(List.of("KAZ"), false, List.of(), null, null, List.of(), null, null, 10,
          TimelineCursor.decode(page.nextCursor()), false));
      seen.addAll(ids(page));
    }
    assertThat(seen).containsExactlyElementsOf(expected);
  }

  @Test
  void eventTimelineListsDatedEventsByEventDateWithTheirArticles() {
    Articles unrest = Articles.article("2024/01/anniversary").publishedAt("2024-01-05T09:00:00Z")
        .title("Two years after Qandy Qantar, families still wait for answers")
        .actor("KAZ", "Kazakhstan", "STATE", 0.9).actor("org.csto", "CSTO", "ALLIANCE", 0.5)
        .theme("unrest", "Unrest", 2.0, "protests")
        .event("2022-01-02", "Protests began in Zhanaozen on January 2, 2022.", List.of("KAZ"), List.of("unrest"))
        .event("2022-01-06", "CSTO troops landed in Almaty on January 6, 2022.", List.of("KAZ", "org.csto"), List.of("peacekeeping"));
    Articles drills = kazakhDrills("2024/09/drills", "2024-09-12T07:30:00Z")
        .event("2024-09-10", "Troops began exercises on September 10, 2024.", List.of("KAZ", "RUS"), List.of("military-exercises"));
    Articles copy = kazakhDrills("2024/09/copy", "2024-09-12T08:30:00Z").duplicateOf(drills.id())
        .event("2024-09-10", "Troops began exercises on September 10, 2024.", List.of("KAZ", "RUS"), List.of("military-exercises"));
    writer.write(List.of(unrest.build(), drills.build(), copy.build()));

    EventTimelineQuery.EventPage kaz = events.page(new EventRequest("KAZ", null, null, null, 50, null));
    assertThat(kaz.items()).extracting(EventTimelineQuery.EventItem::start).containsExactly(
        LocalDate.parse("2024-09-10"), LocalDate.parse("2022-01-06"), LocalDate.parse("2022-01-02"));
    assertThat(kaz.items().getFirst().articleId()).isEqualTo(drills.id());
    assertThat(kaz.items().get(1).articleTitle()).startsWith("Two years after Qandy Qantar");
    assertThat(events.page(new EventRequest(null, "peacekeeping", null, null, 50, null)).items())
        .extracting(EventTimelineQuery.EventItem::sentence).containsExactly("CSTO troops landed in Almaty on January 6, 2022.");
    assertThat(events.page(new EventRequest("KAZ", "unrest", null, null, 50, null)).items()).hasSize(1);
    EventTimelineQuery.EventPage in2022 = events.page(new EventRequest(null, null, LocalDate.parse("2022-01-01"),
        LocalDate.parse("2023-01-01"), 1, null));
    assertThat(in2022.items()).extracting(EventTimelineQuery.EventItem::start).containsExactly(LocalDate.parse("2022-01-06"));
    assertThat(events.page(new EventRequest(null, null, LocalDate.parse("2022-01-01"), LocalDate.parse("2023-01-01"), 1,
        TimelineCursor.decode(in2022.nextCursor()))).items()).extracting(EventTimelineQuery.EventItem::start)
        .containsExactly(LocalDate.parse("2022-01-02"));
  }

  @Test
  void storyListsItsArticlesNewestFirst() {
    Articles first = kazakhDrills("2024/09/drills-open", "2024-09-10T06:00:00Z").story("s-drills");
    Articles second = kazakhDrills("2024/09/drills-close", "2024-09-14T18:45:00Z").story("s-drills");
    Articles other = kazakhDrills("2024/09/pipeline", "2024-09-11T18:45:00Z").story("s-pipeline");
    writer.write(List.of(first.build(), second.build(), other.build()));

    ArticleReader.StoryView story = reader.story("s-drills").orElseThrow();
    assertThat(story.articles()).extracting(TimelineItem::articleId).containsExactly(second.id(), first.id());
    assertThat(reader.story("s-unknown")).isEmpty();
  }

  @Test
  void countsVolumeAndCooccurrenceLeaveDuplicatesOut() {
    Articles a = kazakhDrills("x/a", "2024-09-09T10:00:00Z");                 // Monday
    Articles b = kazakhDrills("x/b", "2024-09-10T10:00:00Z");
    Articles c = Articles.article("x/c").publishedAt("2024-09-17T10:00:00Z").title("China and Kazakhstan sign rail deal")
        .actor("KAZ", "Kazakhstan", "STATE", 0.8).actor("CHN", "China", "STATE", 0.8).theme("trade", "Trade", 2.0, "rail");
    Articles dup = kazakhDrills("x/dup", "2024-09-10T11:00:00Z").duplicateOf(b.id());
    writer.write(List.of(a.build(), b.build(), c.build(), dup.build()));

    assertThat(aggregates.actor("KAZ")).hasValueSatisfying(s -> {
      assertThat(s.name()).isEqualTo("Kazakhstan");
      assertThat(s.type()).isEqualTo("STATE");
      assertThat(s.articleCount()).isEqualTo(3);
    });
    assertThat(aggregates.actor("USA")).isEmpty();
    assertThat(aggregates.themes()).extracting(Aggregates.ThemeSummary::themeId, Aggregates.ThemeSummary::articleCount)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("military-exercises", 2L), org.assertj.core.groups.Tuple.tuple("trade", 1L));

    Aggregates.Volume daily = aggregates.volume(Aggregates.Dimension.ACTOR, List.of("KAZ", "RUS"),
        LocalDate.parse("2024-09-09"), LocalDate.parse("2024-09-12"), Aggregates.Interval.DAY);
    assertThat(daily.series().getFirst().points()).extracting(Aggregates.Point::count).containsExactly(1L, 1L, 0L);
    Aggregates.Volume weekly = aggregates.volume(Aggregates.Dimension.ACTOR, List.of("KAZ"),
        LocalDate.parse("2024-09-09"), LocalDate.parse("2024-09-23"), Aggregates.Interval.WEEK);
    assertThat(weekly.series().getFirst().points()).containsExactly(
        new Aggregates.Point(LocalDate.parse("2024-09-09"), 2), new Aggregates.Point(LocalDate.parse("2024-09-16"), 1));

    Aggregates.Cooccurrence pairs = aggregates.cooccurrence(null, LocalDate.parse("2024-09-01"), LocalDate.parse("2024-10-01"), 10);
    assertThat(pairs.pairs()).extracting(Aggregates.Pair::a, Aggregates.Pair::b, Aggregates.Pair::count).containsExactly(
        org.assertj.core.groups.Tuple.tuple("KAZ", "RUS", 2L), org.assertj.core.groups.Tuple.tuple("CHN", "KAZ", 1L));
    assertThat(pairs.pairs().getFirst().themes()).containsEntry("military-exercises", 2L);
    assertThat(aggregates.cooccurrence("CHN", LocalDate.parse("2024-09-01"), LocalDate.parse("2024-10-01"), 10).pairs()).hasSize(1);
  }

  @Test
  void reapplyingTheSameBatchAfterAFailureLeavesTheSameState() {
    // a crash after the read models were written but before the article documents: the batch comes again
    EnrichedArticle e = kazakhDrills("2024/09/drills", "2024-09-12T07:30:00Z").build();
    writer.write(List.of(e));
    db.getCollection("articles").deleteMany(new org.bson.Document());
    writer.write(List.of(e));

    assertThat(ids(query.page(actorTimeline(50, "KAZ")))).containsExactly(e.articleId());
    assertThat(aggregates.actor("KAZ").orElseThrow().articleCount()).isEqualTo(1);
    assertThat(aggregates.cooccurrence(null, LocalDate.parse("2024-09-01"), LocalDate.parse("2024-10-01"), 10)
        .pairs().getFirst().count()).isEqualTo(1);
  }

  @Test
  void retentionDeletesOldArticlesFromEveryViewAndKeepsRecentOnes() {
    Articles old = kazakhDrills("2023/01/old", "2023-01-10T10:00:00Z")
        .event("2023-01-09", "Exercises began on January 9, 2023.", List.of("KAZ"), List.of("military-exercises"));
    Articles sameMonthOld = kazakhDrills("2024/09/early", "2024-09-01T10:00:00Z");
    Articles recent = kazakhDrills("2024/09/recent", "2024-09-20T10:00:00Z");
    writer.write(List.of(old.build(), sameMonthOld.build(), recent.build()));

    io.newsflow.store.retention.RetentionSweep.SweepResult result =
        new io.newsflow.store.retention.RetentionSweep(db).sweep(Instant.parse("2024-09-10T00:30:00Z"));

    assertThat(result.articles()).isEqualTo(2);
    assertThat(reader.find(old.id())).isEmpty();
    assertThat(reader.find(recent.id())).isPresent();
    assertThat(ids(query.page(actorTimeline(50, "KAZ")))).containsExactly(recent.id());
    assertThat(aggregates.actor("KAZ").orElseThrow().articleCount()).isEqualTo(1);
    assertThat(events.page(new EventRequest("KAZ", null, null, null, 50, null)).items()).isEmpty();
    assertThat(aggregates.cooccurrence(null, LocalDate.parse("2023-01-01"), LocalDate.parse("2023-12-31"), 10).pairs()).isEmpty();
  }
}
