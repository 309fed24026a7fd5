package io.newsflow.store.article;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import com.mongodb.event.CommandListener;
import io.newsflow.model.article.EnrichedArticle;
import io.newsflow.store.Articles;
import io.newsflow.store.config.StoreConfig;
import io.newsflow.store.mongo.Collections;
import io.newsflow.store.mongo.InMemoryMongo;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The commands the writer sends, seen by a driver {@link CommandListener}: what keeps writes fast and
 * flat as the store grows. A filter on anything but {@code _id} is a collection scan on the embedded
 * server (it uses only unique indexes, on exact key matches), and per-article round trips make a batch
 * cost grow with its size.
 */
class ArticleWriterCommandsTest {

  static final Set<String> WRITES = Set.of("insert", "update", "delete");
  static final Instant START = Instant.parse("2024-09-01T00:00:00Z");

  static final List<Sent> commands = new CopyOnWriteArrayList<>();

  /** A command as sent; copied, because the event's document is only valid during the callback. */
  record Sent(String databaseName, String name, BsonDocument command) {}

  @RegisterExtension
  static final InMemoryMongo mongo = new InMemoryMongo(event -> commands.add(new Sent(event.getDatabaseName(), event.getCommandName(), event.getCommand().clone())));

  static ArticleWriter writer(MongoDatabase db) {
    return StoreConfig.writerWithReadModels(db, Clock.fixed(START, ZoneOffset.UTC));
  }

  /** Articles every 7 minutes from {@code first}: several per hour bucket, each with actors, a theme, a story, an event. */
  static List<EnrichedArticle> batch(int first, int count, int revision) {
    List<EnrichedArticle> out = new ArrayList<>();
    for (int i = first; i < first + count; i++) {
      Instant published = START.plus(Duration.ofMinutes(7L * i));
      Articles a = Articles.article("csto-drills-" + i).title("CSTO drills near Almaty, day " + i)
          .publishedAt(published.toString()).occurredAt(published.plusSeconds(60 + revision).toString()).revision(revision)
          .actor("KAZ", "Kazakhstan", "STATE", 0.9).actor(i % 2 == 0 ? "RUS" : "CHN", i % 2 == 0 ? "Russia" : "China", "STATE", 0.5)
          .theme("military-exercises", "Military exercises", 2.5, "joint exercises").story("story-" + (i / 5));
      if (i % 3 == 0) {
        a.event("2024-10-0" + (1 + i % 9), "Joint drills begin on October " + (1 + i % 9) + ".", List.of("KAZ"), List.of("military-exercises"));
      }
      out.add(a.build());
    }
    return out;
  }

  static List<Sent> commandsOf(MongoDatabase db, Runnable work) {
    commands.clear();
    work.run();
    return commands.stream().filter(c -> c.databaseName().equals(db.getName())).toList();
  }

  /** Every filter of every read and write of the read models: the keys it selects on. */
  static List<String> nonKeyFilters(List<Sent> sent) {
    List<String> bad = new ArrayList<>();
    for (Sent c : sent) {
      BsonDocument cmd = c.command();
      BsonValue target = cmd.get(cmd.getFirstKey());
      String collection = target.isString() ? target.asString().getValue() : "?";
      List<BsonDocument> filters = new ArrayList<>();
      if (c.name().equals("find")) {
        filters.add(cmd.getDocument("filter", new BsonDocument()));
      }
      for (String list : List.of("updates", "deletes")) {
        if (cmd.containsKey(list)) {
          cmd.getArray(list).forEach((BsonValue v) -> filters.add(v.asDocument().getDocument("q")));
        }
      }
      for (BsonDocument f : filters) {
        if (!f.keySet().equals(Set.of("_id"))) {
          bad.add(collection + " " + f.toJson());
        }
      }
    }
    return bad;
  }

  @Test
  void aBatchOfNewArticlesSelectsEveryDocumentByIdOnly() {
    MongoDatabase db = mongo.client().getDatabase("cmds_ids");
    ArticleWriter writer = writer(db);
    writer.write(batch(0, 40, 1));
    List<Sent> sent = commandsOf(db, () -> writer.write(batch(30, 60, 1)));

    assertThat(sent).isNotEmpty();
    assertThat(nonKeyFilters(sent)).isEmpty();
  }

  @Test
  void everyArticleOfABatchHasItsItemLookedUpInOneQuery() {
    MongoDatabase db = mongo.client().getDatabase("cmds_item_lookups");
    ArticleWriter writer = writer(db);
    writer.write(batch(0, 40, 1));
    List<Sent> sent = commandsOf(db, () -> writer.write(batch(30, 60, 1)));

    // new articles too: an item left by an article whose document is gone marks refs to take off before $push
    // adds and $inc counts the article again (see BucketCountsTest)
    List<Sent> finds = sent.stream()
        .filter(c -> c.name().equals("find") && c.command().getString("find").getValue().equals(Collections.TIMELINE_ITEMS)).toList();
    assertThat(finds).hasSize(1);
    assertThat(finds.getFirst().command().getDocument("filter").getDocument("_id").getArray("$in").stream()
        .map(v -> v.asString().getValue()).toList())
        .containsExactlyInAnyOrderElementsOf(batch(30, 60, 1).stream().map(EnrichedArticle::articleId).toList());
  }

  @Test
  void aBatchOfNewArticlesInsertsThemWithoutReadingArticleDocuments() {
    MongoDatabase db = mongo.client().getDatabase("cmds_optimistic_insert");
    ArticleWriter writer = writer(db);
    writer.write(batch(0, 40, 1));
    List<Sent> fresh = commandsOf(db, () -> writer.write(batch(40, 60, 1)));
    List<Sent> revised = commandsOf(db, () -> writer.write(batch(0, 20, 2)));

    // no item found: a first version, inserted unread (a stored one would fail the insert and be read then)
    assertThat(fresh.stream().filter(c -> c.name().equals("find") && c.command().getString("find").getValue().equals(Collections.ARTICLES)))
        .isEmpty();
    assertThat(fresh.stream().filter(c -> c.name().equals("insert") && c.command().getString("insert").getValue().equals(Collections.ARTICLES))
        .mapToInt(c -> c.command().getArray("documents").size()).sum()).isEqualTo(60);
    List<String> read = revised.stream()
        .filter(c -> c.name().equals("find") && c.command().getString("find").getValue().equals(Collections.ARTICLES))
        .flatMap(c -> c.command().getDocument("filter").getDocument("_id").getArray("$in").stream())
        .map(v -> v.asString().getValue()).toList();
    assertThat(read).containsExactlyInAnyOrderElementsOf(batch(0, 20, 2).stream().map(EnrichedArticle::articleId).toList());
    // a story's first page is its own document, which also counts its slots: one statement for both
    List<String> storyStatements = fresh.stream()
        .filter(c -> c.name().equals("update") && c.command().getString("update").getValue().equals(Collections.STORIES))
        .flatMap(c -> c.command().getArray("updates").stream()).map(u -> u.asDocument().getDocument("q").getString("_id").getValue())
        .toList();
    assertThat(storyStatements).hasSize(12).doesNotHaveDuplicates();
  }

  @Test
  void revisionsRewriteReadModelsByIdOnly() {
    MongoDatabase db = mongo.client().getDatabase("cmds_revisions");
    ArticleWriter writer = writer(db);
    writer.write(batch(0, 40, 1));
    List<Sent> sent = commandsOf(db, () -> writer.write(batch(0, 40, 2)));

    assertThat(sent.stream().filter(c -> c.name().equals("update"))).isNotEmpty();
    assertThat(nonKeyFilters(sent)).isEmpty();
  }

  @Test
  void roundTripsPerBatchStayTheSameAsBatchesAndTheStoreGrow() {
    MongoDatabase db = mongo.client().getDatabase("cmds_round_trips");
    ArticleWriter writer = writer(db);
    int small = commandsOf(db, () -> writer.write(batch(0, 10, 1))).size();
    writer.write(batch(10, 300, 1));
    List<Sent> large = commandsOf(db, () -> writer.write(batch(310, 300, 1)));

    // one or two per collection and step, never one per article or per bucket
    assertThat(large.size()).isLessThanOrEqualTo(small + 2).isLessThan(25);
    assertThat(large.stream().filter(c -> WRITES.contains(c.name())).count()).isLessThan(15);
  }
}
