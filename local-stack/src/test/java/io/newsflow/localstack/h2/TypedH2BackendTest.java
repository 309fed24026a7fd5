package io.newsflow.localstack.h2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import io.newsflow.localstack.Ports;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.bson.BsonTimestamp;
import org.bson.Document;
import org.bson.UuidRepresentation;
import org.bson.types.Binary;
import org.bson.types.Code;
import org.bson.types.Decimal128;
import org.bson.types.MaxKey;
import org.bson.types.MinKey;
import org.bson.types.ObjectId;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The typed H2 storage through the MongoDB driver: every value type, the unique indexes, restarts, and old files. */
class TypedH2BackendTest {

  @TempDir
  Path dir;

  @Test
  void everyValueTypeSurvivesAStoreAndARestart() {
    Document article = everyType();
    try (Running server = Running.typed(file())) {
      server.collection("articles").insertOne(article);
      assertThat(server.collection("articles").find(Filters.eq("_id", "kz-1")).first()).isEqualTo(article);
    }
    try (Running server = Running.typed(file())) {
      assertThat(server.collection("articles").find(Filters.eq("_id", "kz-1")).first()).isEqualTo(article);
      assertThat(server.collection("articles").find(Filters.eq("nested.actors", "CSTO")).first()).isEqualTo(article);
    }
    assertThat(typedMaps()).contains("databases.newsflow.articles", "newsflow.articles._index__id_");
  }

  @Test
  void idsKeepTheOldBackendsEqualityDuplicatesAreRefusedAndInFindsByKey() {
    Function<Running, List<String>> scenario = server -> {
      MongoCollection<Document> ids = server.collection("ids");
      List<String> outcome = new ArrayList<>();
      for (Object id : List.of(1, 1L, 1.0, "1", new Document("day", "2022-01-05").append("n", 1), 2)) {
        try {
          ids.insertOne(new Document("_id", id).append("type", id.getClass().getSimpleName()));
          outcome.add("inserted " + id.getClass().getSimpleName());
        } catch (MongoWriteException e) {
          outcome.add("refused " + id.getClass().getSimpleName() + " " + e.getError().getCategory());
        }
      }
      assertThatThrownBy(() -> ids.insertOne(new Document("_id", "1"))).isInstanceOfSatisfying(MongoWriteException.class,
          e -> assertThat(e.getError().getCategory()).isEqualTo(ErrorCategory.DUPLICATE_KEY));
      assertThatThrownBy(() -> ids.insertOne(new Document("_id", new Document("day", "2022-01-05").append("n", 1))))
          .isInstanceOf(MongoWriteException.class);
      for (Object id : List.of(1, 1L, 1.0, "1", 2)) {
        outcome.add(id.getClass().getSimpleName() + " finds " + types(ids.find(Filters.eq("_id", id))));
      }
      outcome.add("$in finds " + types(ids.find(Filters.in("_id", List.of("1", 2, "absent")))));
      outcome.add("count " + ids.countDocuments());
      return outcome;
    };
    List<String> typed;
    try (Running server = Running.typed(file())) {
      typed = scenario.apply(server);
    }
    List<String> plain;
    try (Running server = Running.plain(dir.resolve("plain.mv").toString())) {
      plain = scenario.apply(server);
    }
    assertThat(typed).isEqualTo(plain).contains("inserted String", "String finds [String]", "$in finds [Integer, String]");
    try (Running server = Running.typed(file())) {
      assertThat(types(server.collection("ids").find(Filters.in("_id", List.of("1", 2, "absent"))))).isEqualTo("[Integer, String]");
      assertThatThrownBy(() -> server.collection("ids").insertOne(new Document("_id", 2))).isInstanceOf(MongoWriteException.class);
    }
  }

  @Test
  void aCompoundUniqueIndexRefusesDuplicatesAndAnswersExactAndInLookupsAfterARestart() {
    try (Running server = Running.typed(file())) {
      MongoCollection<Document> pages = server.collection("pages");
      pages.createIndex(Indexes.ascending("actor", "day"), new IndexOptions().unique(true).name("actor_day"));
      pages.insertOne(new Document("actor", "Kazakhstan").append("day", "2022-01-05").append("refs", List.of("a1", "a2")));
      pages.insertOne(new Document("actor", "Kazakhstan").append("day", "2022-01-06"));
      pages.insertOne(new Document("actor", "CSTO").append("day", "2022-01-06"));
      assertThatThrownBy(() -> pages.insertOne(new Document("actor", "CSTO").append("day", "2022-01-06")))
          .isInstanceOf(MongoWriteException.class);
    }
    assertThat(typedMaps()).contains("newsflow.pages._index_actor_day");
    try (Running server = Running.typed(file())) {
      MongoCollection<Document> pages = server.collection("pages");
      assertThatThrownBy(() -> pages.insertOne(new Document("actor", "Kazakhstan").append("day", "2022-01-05")))
          .isInstanceOf(MongoWriteException.class);
      assertThat(pages.find(Filters.and(Filters.eq("actor", "Kazakhstan"), Filters.eq("day", "2022-01-05"))).first()
          .getList("refs", String.class)).isEqualTo(List.of("a1", "a2"));
      assertThat(pages.countDocuments(Filters.and(Filters.in("actor", List.of("Kazakhstan", "CSTO")),
          Filters.eq("day", "2022-01-06")))).isEqualTo(2);
    }
  }

  @Test
  void aFileWrittenByThePlainBackendOpensAndKeepsWorking() {
    List<Document> written = new ArrayList<>();
    try (Running server = Running.plain(file())) {
      MongoCollection<Document> articles = server.collection("articles");
      articles.createIndex(Indexes.ascending("url"), new IndexOptions().unique(true));
      for (int i = 0; i < 300; i++) {
        Document article = new Document("_id", "a" + i).append("url", "https://steppe-herald.kz/" + i).append("n", i)
            .append("actors", List.of("Kazakhstan", i % 2 == 0 ? "Russia" : "China")).append("at", new Date(1_641_340_800_000L + i));
        articles.insertOne(article);
        written.add(article);
      }
    }
    try (Running server = Running.typed(file())) {
      MongoCollection<Document> articles = server.collection("articles");
      assertThat(articles.find().sort(Sorts.ascending("n")).into(new ArrayList<>())).isEqualTo(written);
      assertThat(articles.find(Filters.eq("url", "https://steppe-herald.kz/7")).first()).isEqualTo(written.get(7));
      assertThatThrownBy(() -> articles.insertOne(new Document("_id", "a7"))).isInstanceOf(MongoWriteException.class);
      assertThatThrownBy(() -> articles.insertOne(new Document("_id", "b7").append("url", "https://steppe-herald.kz/7")))
          .isInstanceOf(MongoWriteException.class);
      articles.updateOne(Filters.eq("_id", "a8"), Updates.set("title", "CSTO peacekeepers arrive in Almaty"));
      articles.insertOne(new Document("_id", "a300").append("url", "https://steppe-herald.kz/300"));
      server.collection("stories").insertOne(new Document("_id", "s1").append("articles", List.of("a7", "a8")));
    }
    assertThat(typedMaps()).contains("databases.newsflow.stories")
        .doesNotContain("databases.newsflow.articles", "newsflow.articles._index__id_", "newsflow.articles._index_url_1");
    try (Running server = Running.typed(file())) {
      MongoCollection<Document> articles = server.collection("articles");
      assertThat(articles.countDocuments()).isEqualTo(301);
      assertThat(articles.find(Filters.eq("_id", "a8")).first().getString("title")).isEqualTo("CSTO peacekeepers arrive in Almaty");
      assertThat(articles.find(Filters.in("_id", List.of("a0", "a299", "a300"))).into(new ArrayList<>())).hasSize(3);
      assertThat(server.collection("stories").find().first().getList("articles", String.class)).containsExactly("a7", "a8");
    }
  }

  @Test
  void droppedAndRenamedCollectionsAndIndexesKeepTheRegistryTrue() {
    try (Running server = Running.typed(file())) {
      MongoCollection<Document> probe = server.collection("probe");
      probe.createIndex(Indexes.ascending("key"), new IndexOptions().unique(true).name("key"));
      probe.insertOne(new Document("_id", 1).append("key", "a"));
      probe.dropIndex("key");
      probe.drop();
      server.collection("probe").insertOne(new Document("_id", 2).append("key", "a"));
      server.collection("drafts").insertOne(new Document("_id", "d1").append("title", "Astana talks"));
      server.collection("drafts").renameCollection(new com.mongodb.MongoNamespace("newsflow", "published"));
      assertThat(server.collection("published").find().first()).isEqualTo(new Document("_id", "d1").append("title", "Astana talks"));
    }
    assertThat(typedMaps()).contains("databases.newsflow.probe", "databases.newsflow.published")
        .doesNotContain("newsflow.probe._index_key", "databases.newsflow.drafts");
    try (Running server = Running.typed(file())) {
      assertThat(server.collection("probe").find().into(new ArrayList<>())).containsExactly(new Document("_id", 2).append("key", "a"));
      // a renamed collection is not found after a restart by the plain backend either (mongo-java-server 1.47)
    }
  }

  private String file() {
    return dir.resolve("newsflow.mv").toString();
  }

  private List<String> typedMaps() {
    try (MVStore store = MVStore.open(file())) {
      return new ArrayList<>(store.<String, String>openMap(TypedMaps.REGISTRY).keySet());
    }
  }

  private static String types(Iterable<Document> documents) {
    List<String> types = new ArrayList<>();
    documents.forEach(d -> types.add(d.get("_id").getClass().getSimpleName()));
    types.sort(null);
    return types.toString();
  }

  private static Document everyType() {
    Document nested = new Document("actors", List.of("Kazakhstan", "CSTO"))
        .append("deep", new Document("level", 3).append("empty", new Document()).append("none", null));
    return new Document("_id", "kz-1")
        .append("title", "Алматы: CSTO peacekeepers \uD83C\uDDF0\uD83C\uDDFF arrive")
        .append("int", 42).append("negativeInt", -7).append("long", 5_000_000_000L).append("double", 0.25)
        .append("negativeZero", -0.0).append("true", true).append("false", false)
        .append("date", new Date(1_641_340_800_123L)).append("beforeEpoch", new Date(-86_400_000L * 365 * 40))
        .append("objectId", new ObjectId("6385a1b2c3d4e5f601234567")).append("binary", new Binary(new byte[] {0, 1, -1, 42}))
        .append("decimal", Decimal128.parse("1.10")).append("uuid", UUID.fromString("0b8f2a4c-2f4e-4a1c-9a3e-6c1d2b3a4f5e"))
        .append("min", new MinKey()).append("max", new MaxKey()).append("timestamp", new BsonTimestamp(1_641_340_800, 7))
        .append("regex", new org.bson.BsonRegularExpression("^kaz", "i")).append("code", new Code("function() { return 1; }"))
        .append("null", null).append("nested", nested)
        .append("list", List.of(1, "two", 3.0, List.of(), new Document("k", "v"), List.of(List.of(4L))));
  }

  /** A server on a free port over one H2 file, and a client with standard UUIDs. */
  private record Running(MongoServer server, MongoClient client) implements AutoCloseable {

    static Running typed(String file) {
      return start(new TypedH2Backend(MVStore.open(file)));
    }

    static Running plain(String file) {
      return start(new H2Backend(MVStore.open(file)));
    }

    private static Running start(MongoBackend backend) {
      MongoServer server = new MongoServer(backend);
      int port = Ports.free();
      server.bind("127.0.0.1", port);
      MongoClient client = MongoClients.create(MongoClientSettings.builder().uuidRepresentation(UuidRepresentation.STANDARD)
          .applyConnectionString(new com.mongodb.ConnectionString("mongodb://127.0.0.1:" + port)).build());
      return new Running(server, client);
    }

    MongoCollection<Document> collection(String name) {
      return client.getDatabase("newsflow").getCollection(name);
    }

    @Override
    public void close() {
      client.close();
      server.shutdownNow();
    }
  }
}
