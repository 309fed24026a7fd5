package io.newsflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import io.newsflow.model.article.ArticleIds;
import io.newsflow.model.json.EventJson;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/**
 * The whole pipeline, as a user sees it: a feed served over HTTP is registered through the gateway, its
 * article shows up in the gateway's timeline for the expected actor and theme, and seeing the same article
 * again (a second poll, a second feed carrying it) stores it once. Subclasses say where Kafka and MongoDB are.
 */
abstract class PipelineEndToEndContract {

  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final String ARTICLE_PATH = "/steppe/2024/09/csto-rehearsal-almaty.html";

  protected abstract String kafkaBootstrapServers();

  protected abstract String mongoUri();

  @Test
  void feedArticleReachesTheTimelineTaggedAndIsStoredOnceWhenSeenAgain() throws Exception {
    try (FixtureFeedServer feeds = new FixtureFeedServer();
         RunningSystem system = new RunningSystem(kafkaBootstrapServers(), mongoUri(), feeds.hostAndPort())) {
      String articleId = ArticleIds.fromUrl(feeds.baseUrl() + ARTICLE_PATH);

      HttpResponse<String> registered = post(system.gateway() + "/api/v1/feeds",
          "{\"url\": \"" + feeds.baseUrl() + "/steppe/rss.xml\", \"title\": \"Steppe Ledger\"}");
      assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
      String feedId = EventJson.mapper().readTree(registered.body()).get("feedId").asText();

      JsonNode item = await(Duration.ofSeconds(90), "the article in the KAZ / military-exercises timeline", () ->
          findItem(get(system.gateway() + "/api/v1/timeline?actor=KAZ&theme=military-exercises&limit=50"), articleId));
      assertThat(item.get("title").asText()).isEqualTo("CSTO peacekeepers rehearse in Kazakhstan's Almaty region");
      assertThat(actorIds(item)).contains("KAZ", "RUS");

      // store-service writes the timeline buckets before the article document (the document is its commit
      // marker for replays), so for a moment after an item appears its article may still answer 404
      JsonNode article = await(Duration.ofSeconds(10), "the article readable through the gateway", () -> {
        HttpResponse<String> response = get(system.gateway() + "/api/v1/articles/" + articleId);
        return response.statusCode() == 200 ? EventJson.mapper().readTree(response.body()) : null;
      });
      assertThat(article.get("text").asText())
          .contains("Indestructible Brotherhood")
          .doesNotContain("Leave a comment", "Subscribe", "Most read", "Accept all");

      // the same article again: a second poll of the first feed, and a second feed that carries it
      HttpResponse<String> second = post(system.gateway() + "/api/v1/feeds",
          "{\"url\": \"" + feeds.baseUrl() + "/wire/atom.xml\", \"title\": \"Caspian Wire\"}");
      assertThat(second.statusCode()).as(second.body()).isEqualTo(201);
      String secondFeedId = EventJson.mapper().readTree(second.body()).get("feedId").asText();
      await(Duration.ofSeconds(60), "the second feed polled", () -> polledOk(system, secondFeedId) ? true : null);
      HttpResponse<String> refresh = HTTP.send(HttpRequest.newBuilder(URI.create(system.ingest() + "/internal/v1/feeds/" + feedId + "/refresh"))
          .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(refresh.statusCode()).as(refresh.body()).isEqualTo(200);
      awaitConsumersCaughtUp(Duration.ofSeconds(60));

      try (MongoClient mongo = MongoClients.create(mongoUri())) {
        long stored = mongo.getDatabase("newsflow").getCollection("articles").countDocuments(Filters.eq("_id", articleId));
        assertThat(stored).as("documents stored for the article").isEqualTo(1);
      }
      List<JsonNode> copies = new ArrayList<>();
      EventJson.mapper().readTree(get(system.gateway() + "/api/v1/timeline?actor=KAZ&limit=200").body()).get("items")
          .forEach(i -> { if (articleId.equals(i.get("articleId").asText())) copies.add(i); });
      assertThat(copies).as("timeline entries for the article").hasSize(1);
    }
  }

  private static boolean polledOk(RunningSystem system, String feedId) throws Exception {
    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(system.gateway() + "/api/v1/feeds/" + feedId))
        .header("X-API-Key", RunningSystem.OPERATOR_KEY).build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      return false;
    }
    JsonNode feed = EventJson.mapper().readTree(response.body());
    JsonNode health = feed.path("health");
    return health.hasNonNull("lastSuccessAt");
  }

  private static List<String> actorIds(JsonNode item) {
    List<String> ids = new ArrayList<>();
    item.get("actors").forEach(a -> ids.add(a.get("actorId").asText()));
    return ids;
  }

  private static JsonNode findItem(HttpResponse<String> timeline, String articleId) throws Exception {
    if (timeline.statusCode() != 200) {
      return null;
    }
    for (JsonNode item : EventJson.mapper().readTree(timeline.body()).get("items")) {
      if (articleId.equals(item.get("articleId").asText())) {
        return item;
      }
    }
    return null;
  }

  /** Every consumer group has committed up to the end of every partition it reads. */
  private void awaitConsumersCaughtUp(Duration timeout) throws Exception {
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrapServers());
    try (Admin admin = Admin.create(props)) {
      await(timeout, "every consumer group caught up", () -> {
        for (var group : admin.listGroups().all().get()) {
          Map<TopicPartition, OffsetAndMetadata> committed =
              admin.listConsumerGroupOffsets(group.groupId()).partitionsToOffsetAndMetadata().get();
          Map<TopicPartition, OffsetSpec> latest = new java.util.HashMap<>();
          committed.keySet().forEach(tp -> latest.put(tp, OffsetSpec.latest()));
          Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest).all().get();
          for (var entry : committed.entrySet()) {
            if (entry.getValue() == null || entry.getValue().offset() < ends.get(entry.getKey()).offset()) {
              return null;
            }
          }
        }
        return true;
      });
    }
  }

  static HttpResponse<String> get(String url) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
        .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
  }

  static HttpResponse<String> post(String url, String json) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/json")
        .header("X-API-Key", RunningSystem.OPERATOR_KEY)
        .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
  }

  static <T> T await(Duration timeout, String what, Callable<T> probe) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    Exception last = null;
    while (System.nanoTime() < deadline) {
      try {
        T value = probe.call();
        if (value != null) {
          return value;
        }
      } catch (Exception e) {
        last = e;
      }
      Thread.sleep(500);
    }
    throw new AssertionError("timed out after " + timeout + " waiting for " + what, last);
  }
}
