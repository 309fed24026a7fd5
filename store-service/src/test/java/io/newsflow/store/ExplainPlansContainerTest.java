package io.newsflow.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import io.newsflow.store.actor.ActorDirectory;
import io.newsflow.store.article.ArticleReader;
import io.newsflow.store.article.ArticleWriter;
import io.newsflow.store.config.StoreConfig;
import io.newsflow.store.mongo.CommandRecordingClient;
import io.newsflow.store.mongo.Indexes;
import io.newsflow.store.timeline.Aggregates;
import io.newsflow.store.timeline.EventTimelineQuery;
import io.newsflow.store.timeline.TimelineQuery;
import io.newsflow.store.timeline.TimelineRequest;
import io.newsflow.store.timeline.TitleWords;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * Every read the gateway's queries make, as the store's own code sends it (captured by a driver command
 * listener), explained on mongo:8.0: each must be answered from an index ({@code EXPRESS_IXSCAN} or
 * {@code IDHACK} for one {@code _id}, {@code IXSCAN} for {@code _id $in} and the listing index, the text
 * index for free text), never by a collection scan. Skipped without Docker.
 */
@EnabledIf(value = "dockerAvailable", disabledReason = "no Docker engine here: explain plans are checked on mongo:8.0 only")
class ExplainPlansContainerTest {

  static final Set<String> INDEXED = Set.of("EXPRESS_IXSCAN", "IDHACK", "IXSCAN", "TEXT_MATCH", "TEXT_OR", "COUNT_SCAN");

  static MongoDBContainer mongo;
  static MongoClient client;
  static final List<BsonDocument> finds = new CopyOnWriteArrayList<>();

  static boolean dockerAvailable() {
    return DockerClientFactory.instance().isDockerAvailable();
  }

  @BeforeAll
  static void start() {
    mongo = new MongoDBContainer("mongo:8.0");
    mongo.start();
    client = CommandRecordingClient.create(mongo.getConnectionString(), event -> {
      if (event.getCommandName().equals("find") && event.getDatabaseName().equals("explain")) {
        finds.add(event.getCommand().clone());
      }
    });
  }

  @AfterAll
  static void stop() {
    client.close();
    mongo.stop();
  }

  @Test
  void everyGatewayQueryIsAnsweredFromAnIndex() {
    MongoDatabase db = client.getDatabase("explain");
    Indexes.IndexReport indexes = Indexes.ensure(db);
    ArticleWriter writer = StoreConfig.writerWithReadModels(db, Clock.systemUTC());
    Articles drills = StoreSuite.kazakhDrills("2024/09/drills", "2024-09-12T07:30:00Z").story("s-drills")
        .event("2024-09-10", "Exercises began on September 10, 2024.", List.of("KAZ"), List.of("military-exercises"));
    writer.write(List.of(drills.build(), StoreSuite.kazakhDrills("2024/09/more", "2024-09-12T09:30:00Z").build()));
    finds.clear();

    TimelineQuery timeline = new TimelineQuery(db, 20_000, indexes::textSearch);
    Map<String, Runnable> queries = new LinkedHashMap<>();
    queries.put("timeline latest", () -> timeline.page(TimelineRequest.latest(50)));
    queries.put("timeline actor + theme", () -> timeline.page(new TimelineRequest(List.of("KAZ"), false, List.of("military-exercises"),
        null, null, List.of(), null, null, 50, null, false)));
    queries.put("timeline free text", () -> timeline.page(new TimelineRequest(List.of("KAZ"), false, List.of(), null, null,
        TitleWords.of("CSTO drills"), null, null, 50, null, false)));
    queries.put("article", () -> new ArticleReader(db).find(drills.id()));
    queries.put("story", () -> new ArticleReader(db).story("s-drills"));
    queries.put("events", () -> new EventTimelineQuery(db).page(new EventTimelineQuery.EventRequest("KAZ", null, null, null, 50, null)));
    Aggregates aggregates = new Aggregates(db);
    queries.put("actor", () -> aggregates.actor("KAZ"));
    queries.put("themes", aggregates::themes);
    queries.put("volume", () -> aggregates.volume(Aggregates.Dimension.ACTOR, List.of("KAZ"), LocalDate.parse("2024-09-01"),
        LocalDate.parse("2024-10-01"), Aggregates.Interval.DAY));
    queries.put("co-occurrence", () -> aggregates.cooccurrence(null, LocalDate.parse("2024-09-01"), LocalDate.parse("2024-10-01"), 20));
    queries.put("actor search", () -> new ActorDirectory(db, Duration.ZERO, Clock.systemUTC()).search("kaz", 10));

    List<String> plans = new ArrayList<>();
    List<String> scans = new ArrayList<>();
    queries.forEach((name, query) -> {
      finds.clear();
      query.run();
      assertThat(finds).as(name + " sends at least one find").isNotEmpty();
      for (BsonDocument find : finds) {
        Document explained = db.runCommand(new Document("explain", strip(find)).append("verbosity", "queryPlanner"));
        List<String> stages = new ArrayList<>();
        stages(explained.get("queryPlanner", Document.class).get("winningPlan"), stages);
        String line = name + " on " + find.getString("find").getValue() + ": " + stages;
        plans.add(line);
        if (stages.contains("COLLSCAN") || stages.stream().noneMatch(INDEXED::contains)) {
          scans.add(line + " " + find.toJson());
        }
      }
    });
    System.out.println(String.join(System.lineSeparator(), plans));
    assertThat(scans).as("queries not answered from an index").isEmpty();
  }

  /** The find command without the fields a nested explain refuses ($db, lsid, cluster time). */
  static BsonDocument strip(BsonDocument find) {
    BsonDocument copy = new BsonDocument();
    for (Map.Entry<String, BsonValue> e : find.entrySet()) {
      if (!e.getKey().startsWith("$") && !e.getKey().equals("lsid") && !e.getKey().equals("txnNumber")) {
        copy.put(e.getKey(), e.getValue());
      }
    }
    return copy.append("find", new BsonString(find.getString("find").getValue()));
  }

  static void stages(Object plan, List<String> out) {
    if (plan instanceof Document d) {
      if (d.containsKey("stage")) {
        out.add(d.getString("stage"));
      }
      for (String child : List.of("inputStage", "queryPlan", "inputStages")) {
        Object c = d.get(child);
        if (c instanceof List<?> list) {
          list.forEach(x -> stages(x, out));
        } else if (c != null) {
          stages(c, out);
        }
      }
    }
  }
}
