package io.newsflow.localstack.h2;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import io.newsflow.localstack.Ports;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * collStats and dbStats sizes from {@link OnDemandSizeCollection} against mongo-java-server's own running size: the
 * same writes go to this backend and to a plain {@code H2Backend}, and every size the stats commands report must agree.
 */
class DataSizeStatsTest {

  private static final List<String> COLLECTIONS = List.of("articles", "timeline");

  @TempDir
  Path dir;

  @Test
  void statsSizesMatchThePlainBackendAfterInsertsUpdatesDeletesAndARestart() {
    String typedFile = file("typed");
    String plainFile = file("plain");
    List<Map<String, Object>> typed = new ArrayList<>();
    List<Map<String, Object>> plain = new ArrayList<>();
    try (Running t = Running.on(new TypedH2Backend(MVStore.open(typedFile)));
        Running p = Running.on(new H2Backend(MVStore.open(plainFile)))) {
      for (Consumer<MongoDatabase> phase : List.<Consumer<MongoDatabase>>of(DataSizeStatsTest::insert, DataSizeStatsTest::update,
          DataSizeStatsTest::upsert, DataSizeStatsTest::delete)) {
        phase.accept(t.db());
        phase.accept(p.db());
        typed.add(stats(t.db()));
        plain.add(stats(p.db()));
      }
    }
    try (Running t = Running.on(new TypedH2Backend(MVStore.open(typedFile)));
        Running p = Running.on(new H2Backend(MVStore.open(plainFile)))) {
      typed.add(stats(t.db()));
      plain.add(stats(p.db()));
    }
    assertThat(typed).isEqualTo(plain);
    // each phase changed the sizes, so equal figures are not equal defaults or a size left from the phase before
    assertThat(plain.subList(0, 4).stream().map(s -> s.get("db.dataSize")).distinct()).hasSize(4);
    assertThat(((Number) plain.get(0).get("db.dataSize")).doubleValue()).isGreaterThan(20_000);
  }

  @Test
  void aFileOfThePlainBackendKeepsTrueSizesForThePlainBackendAfterTypedWrites() {
    String mixedFile = file("mixed");
    String plainFile = file("plain");
    try (Running p = Running.on(new H2Backend(MVStore.open(mixedFile)))) {
      insert(p.db());
    }
    Map<String, Object> expected;
    try (Running p = Running.on(new H2Backend(MVStore.open(plainFile)))) {
      insert(p.db());
      update(p.db());
      upsert(p.db());
      delete(p.db());
      expected = stats(p.db());
    }
    try (Running t = Running.on(new TypedH2Backend(MVStore.open(mixedFile)))) {
      update(t.db());
      upsert(t.db());
      // a collection made and dropped while the file is open: its closed maps must not break the close
      t.db().getCollection("scratch").insertOne(new Document("_id", "tmp").append("note", "dropped again"));
      t.db().getCollection("scratch").drop();
      delete(t.db());
      assertThat(stats(t.db())).isEqualTo(expected);
    }
    try (MVStore store = MVStore.open(mixedFile)) {
      assertThat(TypedH2Backend.holdsTypedMaps(store)).isFalse();
    }
    try (Running p = Running.on(new H2Backend(MVStore.open(mixedFile)))) {
      assertThat(stats(p.db())).isEqualTo(expected);
    }
    try (Running t = Running.on(new TypedH2Backend(MVStore.open(mixedFile)))) {
      assertThat(stats(t.db())).isEqualTo(expected);
    }
  }

  private static void insert(MongoDatabase db) {
    db.getCollection("timeline").createIndex(Indexes.ascending("actor", "day"), new IndexOptions().unique(true));
    List<Document> articles = new ArrayList<>();
    for (int i = 0; i < 120; i++) {
      articles.add(new Document("_id", "kz-" + i)
          .append("title", "Токаев: CSTO contingent " + "leaves Almaty ".repeat(1 + i % 7) + i)
          .append("feed", i % 3 == 0 ? "tengrinews" : "reuters-asia").append("n", i).append("score", i / 7.0)
          .append("publishedAt", new Date(1_641_340_800_000L + i * 60_000L))
          .append("actors", new ArrayList<>(List.of("Kazakhstan", i % 2 == 0 ? "Russia" : "China")))
          .append("events", List.of(new Document("day", "2022-01-0" + (1 + i % 9)).append("what", "drill"))));
    }
    db.getCollection("articles").insertMany(articles);
    // no _id: the server makes an ObjectId, different on each server but the same size
    db.getCollection("articles").insertOne(new Document("title", "untitled wire item").append("n", -1));
    for (String actor : List.of("Kazakhstan", "Russia", "China", "CSTO")) {
      for (int day = 1; day <= 5; day++) {
        db.getCollection("timeline").insertOne(new Document("actor", actor).append("day", "2022-01-0" + day)
            .append("refs", new ArrayList<>(List.of("kz-" + day))));
      }
    }
  }

  private static void update(MongoDatabase db) {
    var articles = db.getCollection("articles");
    var timeline = db.getCollection("timeline");
    articles.updateOne(Filters.eq("_id", "kz-3"), Updates.set("title", "A much longer headline about the January unrest ".repeat(4)));
    articles.updateOne(Filters.eq("_id", "kz-4"), Updates.unset("events"));
    articles.updateMany(Filters.lt("n", 40), Updates.combine(Updates.inc("n", 1000), Updates.addToSet("actors", "CSTO")));
    articles.updateMany(Filters.eq("feed", "tengrinews"), Updates.push("actors", "Tokayev"));
    articles.updateOne(Filters.eq("_id", "kz-5"), Updates.set("title", articles.find(Filters.eq("_id", "kz-5")).first().get("title")));
    articles.replaceOne(Filters.eq("_id", "kz-6"), new Document("title", "replaced").append("n", 6));
    articles.findOneAndUpdate(Filters.eq("_id", "kz-7"), Updates.set("score", 99L));
    for (int i = 10; i < 60; i++) {
      timeline.updateOne(Filters.and(Filters.eq("actor", "Kazakhstan"), Filters.eq("day", "2022-01-0" + (1 + i % 5))),
          Updates.addToSet("refs", "kz-" + i));
    }
  }

  /** Updates that insert: a phase of their own, so that the update phase above writes no new document. */
  private static void upsert(MongoDatabase db) {
    db.getCollection("articles").replaceOne(Filters.eq("_id", "kz-new"), new Document("title", "upserted by replace"),
        new ReplaceOptions().upsert(true));
    db.getCollection("timeline").updateOne(Filters.and(Filters.eq("actor", "CSTO"), Filters.eq("day", "2022-01-09")),
        Updates.addToSet("refs", "kz-9"), new UpdateOptions().upsert(true));
  }

  private static void delete(MongoDatabase db) {
    db.getCollection("articles").deleteOne(Filters.eq("_id", "kz-8"));
    db.getCollection("articles").deleteMany(Filters.and(Filters.gte("n", 100), Filters.lt("n", 1000)));
    db.getCollection("articles").findOneAndDelete(Filters.eq("_id", "kz-new"));
    db.getCollection("timeline").deleteMany(Filters.eq("actor", "China"));
  }

  /** The sizes and counts collStats and dbStats report, as numbers (the servers may choose Integer or Long). */
  private static Map<String, Object> stats(MongoDatabase db) {
    Map<String, Object> stats = new LinkedHashMap<>();
    for (String collection : COLLECTIONS) {
      Document coll = db.runCommand(new Document("collStats", collection));
      for (String key : List.of("size", "count", "avgObjSize")) {
        stats.put(collection + "." + key, ((Number) coll.get(key)).doubleValue());
      }
    }
    Document dbStats = db.runCommand(new Document("dbStats", 1));
    for (String key : List.of("dataSize", "objects", "avgObjSize")) {
      stats.put("db." + key, ((Number) dbStats.get(key)).doubleValue());
    }
    return stats;
  }

  private String file(String name) {
    return dir.resolve(name + ".mv").toString();
  }

  private record Running(MongoServer server, MongoClient client) implements AutoCloseable {

    static Running on(MongoBackend backend) {
      MongoServer server = new MongoServer(backend);
      int port = Ports.free();
      server.bind("127.0.0.1", port);
      return new Running(server, MongoClients.create("mongodb://127.0.0.1:" + port));
    }

    MongoDatabase db() {
      return client.getDatabase("newsflow");
    }

    @Override
    public void close() {
      client.close();
      server.shutdownNow();
    }
  }
}
