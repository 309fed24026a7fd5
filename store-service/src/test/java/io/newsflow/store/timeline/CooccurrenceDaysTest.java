package io.newsflow.store.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoSocketException;
import com.mongodb.ServerAddress;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import io.newsflow.model.article.EnrichedArticle;
import io.newsflow.store.Articles;
import io.newsflow.store.article.ArticleLinks;
import io.newsflow.store.article.ArticleWriter;
import io.newsflow.store.mongo.Collections;
import io.newsflow.store.mongo.InMemoryMongo;
import io.newsflow.store.mongo.Indexes;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The co-occurrence summaries always equal a brute-force count over the latest version of
 * every stored article: after a burst of several pages in one hour, replays, revisions that change actors or
 * move an article to another day, a batch cut short between its summary and its parts, and a summary
 * overwritten by a concurrent instance's older one.
 */
class CooccurrenceDaysTest {

  static final String[][] ACTORS = {{"KAZ", "Kazakhstan"}, {"RUS", "Russia"}, {"CHN", "China"}, {"org.csto", "CSTO"},
      {"KGZ", "Kyrgyzstan"}, {"UZB", "Uzbekistan"}, {"person.tokayev", "Kassym-Jomart Tokayev"}, {"proj.cpc", "Caspian Pipeline Consortium"}};
  static final String[] THEMES = {"military-exercises", "alliance-politics", "energy-transit", "trade", "unrest"};
  static final Instant BUSY_HOUR = Instant.parse("2024-09-12T07:00:00Z");
  static final Instant QUIET_HOUR = Instant.parse("2024-09-13T10:00:00Z");

  static final ArticleWriter.ReadModel CRASH = (changes, timeline) -> {
    throw new MongoSocketException("connection lost after the co-occurrence writes", new ServerAddress());
  };

  MongoDatabase db;
  ArticleWriter writer;
  /** The latest version written of each article: what a brute-force count sees. */
  final Map<String, EnrichedArticle> latest = new LinkedHashMap<>();

  @RegisterExtension
  static final InMemoryMongo mongo = new InMemoryMongo();

  @BeforeEach
  void freshDatabase() {
    db = mongo.client().getDatabase("cooc_" + System.nanoTime());
    Indexes.ensure(db);
    writer = new ArticleWriter(db, List.of(new ArticleLinks(db), new CooccurrenceDays(db)), Clock.systemUTC());
  }

  @Test
  void aBurstOfManyPagesInOneHourRepliedAndRevisedCountsLikeBruteForce() {
    List<EnrichedArticle> burst = articles(1_100, BUSY_HOUR, 1, 11);
    burst.addAll(articles(120, QUIET_HOUR, 1, 12));
    write(burst, 100);
    assertThat(days(Collections.COOCCURRENCE_DAYS).stream().filter(d -> d.getBoolean("part", false)).count())
        .as("the busy hour spans several pages, each with its part").isGreaterThanOrEqualTo(5);
    assertEqualsBruteForce();

    write(burst.subList(300, 700), 100);
    assertEqualsBruteForce();

    // revisions: other actors and themes, some moved from the busy day to the quiet one and back
    List<EnrichedArticle> revised = new ArrayList<>();
    Random random = new Random(5);
    for (int i = 0; i < 1_100; i += 7) {
      Instant hour = i % 21 == 0 ? QUIET_HOUR : BUSY_HOUR;
      revised.add(article(i, hour, 2, random));
    }
    write(revised, 60);
    assertEqualsBruteForce();
  }

  @Test
  void aBatchCutShortBetweenItsSummaryAndItsPartsIsCountedOnceWhenApplied() {
    List<EnrichedArticle> all = articles(1_000, BUSY_HOUR, 1, 21);
    write(all.subList(0, 600), 200);
    List<EnrichedArticle> next = all.subList(600, 900);
    Map<String, Document> partsBefore = parts();

    // the batch dies after its co-occurrence writes (so its item documents are never written) and, as if the
    // ordered bulk write had stopped after the summaries, its parts are put back as they were
    ArticleWriter dying = new ArticleWriter(db, List.of(new ArticleLinks(db), new CooccurrenceDays(db), CRASH), Clock.systemUTC());
    assertThatThrownBy(() -> dying.write(next)).isInstanceOf(MongoSocketException.class);
    restore(partsBefore);
    write(next, 300);

    assertEqualsBruteForce();
    // and the parts are the pages' again: a later batch still counts right
    write(all.subList(900, 1_000), 100);
    assertEqualsBruteForce();
  }

  @Test
  void aSummaryOverwrittenByAConcurrentInstanceIsFoundAndSummedAgain() {
    List<EnrichedArticle> all = articles(1_000, BUSY_HOUR, 1, 31);
    write(all.subList(0, 700), 100);
    Document summaryBefore = days(Collections.COOCCURRENCE_DAYS).stream().filter(d -> "2024-09-12".equals(d.get("_id"))).findFirst().orElseThrow();
    List<EnrichedArticle> more = all.subList(700, 1_000);

    write(more.subList(0, 150), 150);
    // another instance read the summary before that batch and wrote its own after it: that batch's change is lost
    restore(Map.of("2024-09-12", summaryBefore));
    write(more.subList(150, 300), 150);

    assertEqualsBruteForce();
  }

  @Test
  void twoStoreInstancesTakingTurnsOnOneDayEachCountThePagesTheOtherWrote() {
    // each instance keeps its own running sum of the day (DaySums): it must see the parts the other rewrote since
    ArticleWriter other = new ArticleWriter(db, List.of(new ArticleLinks(db), new CooccurrenceDays(db)), Clock.systemUTC());
    List<EnrichedArticle> all = articles(1_000, BUSY_HOUR, 1, 41);
    for (int i = 0; i < all.size(); i += 100) {
      write(i / 100 % 2 == 0 ? writer : other, all.subList(i, i + 100));
      assertEqualsBruteForce();
    }
    // revisions by one, then the other, of articles on pages both wrote
    Random random = new Random(9);
    List<EnrichedArticle> revised = new ArrayList<>();
    for (int i = 0; i < 1_000; i += 9) {
      revised.add(article(i, BUSY_HOUR, 2, random));
    }
    write(other, revised.subList(0, 50));
    write(writer, revised.subList(50, revised.size()));
    assertEqualsBruteForce();
  }

  @Test
  void partsWrittenBeforeTokensAreReadByTheirTextAndTheRestOnlyWhenTheirTokenChanged() {
    List<EnrichedArticle> all = articles(1_000, BUSY_HOUR, 1, 51);
    write(all.subList(0, 600), 100);
    // as a store before part tokens left them: no token on any part, and a writer that remembers nothing
    db.getCollection(Collections.COOCCURRENCE_DAYS).updateMany(Filters.eq("part", true), com.mongodb.client.model.Updates.unset(CooccurrenceDays.TOKEN));
    writer = new ArticleWriter(db, List.of(new ArticleLinks(db), new CooccurrenceDays(db)), Clock.systemUTC());
    write(all.subList(600, 800), 100);
    assertEqualsBruteForce();
    // tokens now: the next batch rewrites the parts of its own pages (new tokens) and only reads the others' tokens
    Map<String, Document> before = parts();
    write(all.subList(800, 900), 100);
    Map<String, Document> after = parts();
    assertThat(after.keySet()).containsAll(before.keySet());
    assertThat(after.entrySet()).filteredOn(e -> !java.util.Objects.equals(e.getValue().getString(CooccurrenceDays.TOKEN),
        before.get(e.getKey()).getString(CooccurrenceDays.TOKEN))).as("a batch rewrites a few parts, not the whole day")
        .isNotEmpty().hasSizeLessThan(after.size());
    assertEqualsBruteForce();
    write(all.subList(900, 1_000), 100);
    assertEqualsBruteForce();
  }

  private void write(ArticleWriter by, List<EnrichedArticle> batch) {
    by.write(batch);
    batch.forEach(e -> latest.merge(e.articleId(), e, (was, now) -> now.article().revision() >= was.article().revision() ? now : was));
  }

  private void assertEqualsBruteForce() {
    for (LocalDate day : List.of(LocalDate.parse("2024-09-12"), LocalDate.parse("2024-09-13"))) {
      Map<String, Long> expected = new TreeMap<>();
      Map<String, Map<String, Long>> expectedThemes = new TreeMap<>();
      for (EnrichedArticle e : latest.values()) {
        if (e.dedupe().isDuplicate() || !LocalDate.ofInstant(e.article().publishedAt(), java.time.ZoneOffset.UTC).equals(day)) {
          continue;
        }
        List<String> actors = e.actors().stream().map(a -> a.actorId()).distinct().sorted().toList();
        for (int i = 0; i < actors.size(); i++) {
          for (int j = i + 1; j < actors.size(); j++) {
            String pair = actors.get(i) + " " + actors.get(j);
            expected.merge(pair, 1L, Long::sum);
            e.themes().stream().map(t -> t.themeId()).distinct()
                .forEach(t -> expectedThemes.computeIfAbsent(pair, k -> new TreeMap<>()).merge(t, 1L, Long::sum));
          }
        }
      }
      Map<String, Long> actual = new TreeMap<>();
      Map<String, Map<String, Long>> actualThemes = new TreeMap<>();
      for (Aggregates.Pair p : new Aggregates(db).cooccurrence(null, day, day.plusDays(1), 10_000).pairs()) {
        actual.put(p.a() + " " + p.b(), p.count());
        actualThemes.put(p.a() + " " + p.b(), new TreeMap<>(p.themes()));
      }
      if (day.getDayOfMonth() == 12) {
        assertThat(expected).as("the busy day has pairs").isNotEmpty();
      }
      assertThat(actual).as("pair counts of %s", day).isEqualTo(expected);
      assertThat(actualThemes).as("themes of the pairs of %s", day).isEqualTo(expectedThemes);
    }
  }

  private void write(List<EnrichedArticle> articles, int batch) {
    for (int i = 0; i < articles.size(); i += batch) {
      List<EnrichedArticle> b = articles.subList(i, Math.min(articles.size(), i + batch));
      writer.write(b);
      b.forEach(e -> latest.merge(e.articleId(), e, (was, now) -> now.article().revision() >= was.article().revision() ? now : was));
    }
  }

  /** Articles 0..n-1 of one hour, in a shuffled arrival order (feeds deliver out of order). */
  private static List<EnrichedArticle> articles(int n, Instant hour, int revision, long seed) {
    Random random = new Random(seed);
    List<EnrichedArticle> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(article(i, hour, revision, random));
    }
    java.util.Collections.shuffle(out, new Random(seed));
    return out;
  }

  private static EnrichedArticle article(int i, Instant hour, int revision, Random random) {
    String slug = "2024/09/" + (hour.equals(QUIET_HOUR) && revision == 1 ? "quiet-" : "busy-") + i;
    Articles a = Articles.article(slug).publishedAt(hour.plusSeconds(3L * (i % 1_100)).toString())
        .occurredAt(hour.plusSeconds(4_000L + 10L * revision).toString()).revision(revision)
        .title("Report " + i + " (version " + revision + ")");
    int actors = 1 + random.nextInt(4);
    for (int k = 0; k < actors; k++) {
      String[] actor = ACTORS[random.nextDouble() < 0.4 ? 0 : random.nextInt(ACTORS.length)];
      a.actor(actor[0], actor[1], "STATE", 0.9 - 0.1 * k);
    }
    a.theme(THEMES[random.nextInt(THEMES.length)], "Theme", 2.0, "drills");
    if (random.nextBoolean()) {
      a.theme(THEMES[random.nextInt(THEMES.length)], "Theme", 1.0, "pipeline");
    }
    if (i > 3 && i % 31 == 0) {
      a.duplicateOf(Articles.article(slug.replace("-" + i, "-" + (i - 3))).id());
    }
    return a.build();
  }

  private List<Document> days(String collection) {
    return db.getCollection(collection).find().into(new ArrayList<>());
  }

  private Map<String, Document> parts() {
    Map<String, Document> parts = new HashMap<>();
    for (Document d : db.getCollection(Collections.COOCCURRENCE_DAYS).find(Filters.eq("part", true))) {
      parts.put(d.getString("_id"), d);
    }
    return parts;
  }

  private void restore(Map<String, Document> documents) {
    MongoCollection<Document> days = db.getCollection(Collections.COOCCURRENCE_DAYS);
    documents.forEach((id, d) -> days.replaceOne(Filters.eq("_id", id), d, new ReplaceOptions().upsert(true)));
  }
}
