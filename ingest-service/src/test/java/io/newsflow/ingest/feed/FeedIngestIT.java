package io.newsflow.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsflow.ingest.support.IngestInstance;
import io.newsflow.ingest.support.RollingFeed;
import io.newsflow.ingest.support.TestWebServer;
import io.newsflow.ingest.support.TopicReader;
import io.newsflow.localstack.EmbeddedKafkaBroker;
import io.newsflow.model.article.ArticleIds;
import io.newsflow.model.article.ChangeKind;
import io.newsflow.model.article.RawArticle;
import io.newsflow.model.feed.FeedIds;
import io.newsflow.model.json.EventJson;
import io.newsflow.model.topic.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The foundation path end to end on a real broker: a feed registered through the HTTP API is
 * polled, its articles arrive on the raw topic, unchanged items are not republished, a changed item
 * comes out as an update, private addresses are refused, and state survives a restart.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FeedIngestIT {

  @TempDir
  static Path tempDir;

  static EmbeddedKafkaBroker broker;
  static TestWebServer web;
  static IngestInstance ingest;
  static TopicReader<RawArticle> raw;

  @BeforeAll
  static void start() {
    broker = new EmbeddedKafkaBroker(tempDir.resolve("kafka"), 0).start();
    web = new TestWebServer();
    web.fixture("/feeds/security.rss", "feeds/steppe-dispatch.rss.xml", "application/rss+xml; charset=UTF-8", true)
        .fixture("/2024/09/12/joint-staff-exercise-shymkent/", "pages/joint-staff-exercise-shymkent.html", "text/html; charset=UTF-8", false)
        .fixture("/2024/09/08/cpc-terminal-resumes-loadings/", "pages/cpc-terminal-resumes-loadings.html", "text/html; charset=UTF-8", false)
        .fixture("/brief/atom.xml", "feeds/central-asia-brief.atom.xml", "application/atom+xml", false);
    ingest = startIngest();
    raw = new TopicReader<>(broker.bootstrapServers(), Topics.RAW_ARTICLES.name(), RawArticle.class);
  }

  static IngestInstance startIngest() {
    return new IngestInstance(broker.bootstrapServers(), Map.of("newsflow.ingest.http.allowed-hosts", "127.0.0.1:" + web.port()));
  }

  @AfterAll
  static void stop() {
    if (raw != null) {
      raw.close();
    }
    if (ingest != null) {
      ingest.close();
    }
    if (web != null) {
      web.close();
    }
    if (broker != null) {
      broker.close();
    }
  }

  @Test
  @Order(1)
  void registeredRssFeedIsPolledAndItsArticlesArriveOnTheRawTopic() {
    String feedUrl = web.url("/feeds/security.rss");
    IngestInstance.Response created = ingest.post("/internal/v1/feeds",
        "{\"url\":\"" + feedUrl + "\",\"timeZone\":\"Asia/Almaty\",\"minPollInterval\":\"PT1H\",\"tags\":[\"kz\"]}");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    JsonNode view = json(created.body());
    String feedId = FeedIds.fromUrl(feedUrl);
    assertThat(view.path("feedId").asText()).isEqualTo(feedId);
    assertThat(view.path("title").asText()).isEqualTo("Steppe Dispatch – Security & Defence");
    assertThat(view.path("state").asText()).isEqualTo("ACTIVE");

    List<RawArticle> articles = articlesOf(feedId, 3);
    assertThat(articles).hasSize(3);

    RawArticle exercise = byTitle(articles, "Kazakhstan and Uzbekistan open joint staff exercise near Shymkent");
    String exerciseUrl = web.url("/2024/09/12/joint-staff-exercise-shymkent/");
    assertThat(exercise.articleId()).isEqualTo(ArticleIds.fromUrl(exerciseUrl));
    assertThat(exercise.canonicalUrl()).isEqualTo(exerciseUrl);
    assertThat(exercise.change()).isEqualTo(ChangeKind.NEW);
    assertThat(exercise.revision()).isEqualTo(1);
    assertThat(exercise.text()).as("summary-only item: text comes from the fetched page")
        .contains("Hamkorlik-2024").contains("single digital map");
    assertThat(exercise.contentHash()).isEqualTo(ArticleIds.contentHash(exercise.text()));
    assertThat(exercise.authors()).containsExactly("Aigerim Sadykova");
    assertThat(exercise.sourceName()).isEqualTo("Steppe Dispatch – Security & Defence");
    assertThat(exercise.publishedAt()).hasToString("2024-09-12T02:30:00Z");

    RawArticle peacekeeping = byTitle(articles, "CSTO peacekeeping contingent rehearses its mandate in Kyrgyzstan");
    assertThat(peacekeeping.text()).as("full content:encoded is used as it is").startsWith("BISHKEK – Units assigned")
        .contains("\n\nThe exercise, the first of its kind");
    assertThat(peacekeeping.provenance()).containsEntry("text", "feed-content");

    RawArticle pipeline = byTitle(articles, "CPC terminal resumes loadings after storm damage to moorings");
    assertThat(pipeline.url()).as("relative link resolved against the feed").isEqualTo(web.url("/2024/09/08/cpc-terminal-resumes-loadings/"));
    assertThat(pipeline.text()).contains("80 percent of Kazakhstan’s oil exports");

    IngestInstance.Response again = ingest.post("/internal/v1/feeds", "{\"url\":\"" + feedUrl + "?utm_source=newsletter\"}");
    assertThat(again.status()).as("same feed after URL normalisation").isEqualTo(200);
    assertThat(json(again.body()).path("feedId").asText()).isEqualTo(feedId);
  }

  @Test
  @Order(2)
  void secondPollPublishesNothingNew() {
    String rssId = FeedIds.fromUrl(web.url("/feeds/security.rss"));
    String atomId = register(web.url("/brief/atom.xml"));
    assertThat(articlesOf(atomId, 2)).hasSize(2);
    int before = raw.drain(Duration.ofMillis(500)).size();

    IngestInstance.Response rss = ingest.post("/internal/v1/feeds/" + rssId + "/refresh", null);
    IngestInstance.Response atom = ingest.post("/internal/v1/feeds/" + atomId + "/refresh", null);

    assertThat(rss.status()).isEqualTo(200);
    assertThat(json(rss.body()).path("health").path("consecutiveFailures").asInt()).isZero();
    assertThat(web.requests("/feeds/security.rss").getLast().headers()).as("conditional GET").containsKey("if-none-match");
    assertThat(json(atom.body()).path("health").path("articlesPublished").asLong()).isEqualTo(2);
    assertThat(raw.drain(Duration.ofSeconds(1))).hasSize(before);
  }

  @Test
  @Order(3)
  void changedItemIsPublishedAsUpdatedWithTheNextRevision() {
    String atomId = FeedIds.fromUrl(web.url("/brief/atom.xml"));
    String corrected = TestWebServer.readFixture("feeds/central-asia-brief.atom.xml").replace("{{base}}", web.base())
        .replace("did not contradict the country&#039;s membership of the Russia-led CSTO.&lt;/p&gt;",
            "did not contradict the country&#039;s membership of the Russia-led CSTO.&lt;/p&gt;"
                + "&lt;p&gt;Correction: an earlier version of this story misstated the year Kazakhstan joined the programme.&lt;/p&gt;");
    web.text("/brief/atom.xml", corrected, "application/atom+xml", false);

    ingest.post("/internal/v1/feeds/" + atomId + "/refresh", null);

    List<RawArticle> atomArticles = articlesOf(atomId, 3);
    assertThat(atomArticles).hasSize(3);
    RawArticle update = atomArticles.getLast();
    assertThat(update.change()).isEqualTo(ChangeKind.UPDATED);
    assertThat(update.revision()).isEqualTo(2);
    assertThat(update.text()).contains("Correction: an earlier version");
    RawArticle original = atomArticles.stream().filter(a -> a.articleId().equals(update.articleId()) && a.revision() == 1).findFirst().orElseThrow();
    assertThat(original.title()).isEqualTo(update.title()).isEqualTo("NATO liaison officer visits Kazakh peacekeeping brigade KAZBRIG");
  }

  @Test
  @Order(4)
  void privateAddressesAndOtherSchemesAreRefusedWhenNotAllowed() {
    IngestInstance.Response byName = ingest.post("/internal/v1/feeds", "{\"url\":\"http://localhost:" + web.port() + "/feeds/security.rss\"}");
    assertThat(byName.status()).isEqualTo(400);
    assertThat(json(byName.body()).path("category").asText()).isEqualTo("blocked");

    IngestInstance.Response otherPort = ingest.post("/internal/v1/feeds", "{\"url\":\"http://127.0.0.1:" + (web.port() == 1 ? 2 : 1) + "/feed\"}");
    assertThat(otherPort.status()).isEqualTo(400);
    assertThat(json(otherPort.body()).path("category").asText()).isEqualTo("blocked");

    IngestInstance.Response mapped = ingest.post("/internal/v1/feeds", "{\"url\":\"http://[::ffff:169.254.169.254]/latest/meta-data/\"}");
    assertThat(json(mapped.body()).path("category").asText()).isEqualTo("blocked");

    IngestInstance.Response file = ingest.post("/internal/v1/feeds", "{\"url\":\"file:///etc/passwd\"}");
    assertThat(file.status()).isEqualTo(400);
    assertThat(json(ingest.get("/internal/v1/feeds").body())).hasSize(2);
  }

  @Test
  @Order(5)
  void registryAndCursorsSurviveARestart() {
    ingest.close();
    ingest = startIngest();
    int before = raw.drain(Duration.ofMillis(500)).size();

    JsonNode feeds = json(ingest.get("/internal/v1/feeds").body());
    assertThat(feeds).hasSize(2);
    String atomId = FeedIds.fromUrl(web.url("/brief/atom.xml"));
    IngestInstance.Response refreshed = ingest.post("/internal/v1/feeds/" + atomId + "/refresh", null);
    assertThat(json(refreshed.body()).path("health").path("articlesPublished").asLong()).isEqualTo(3);
    assertThat(raw.drain(Duration.ofSeconds(1))).hasSize(before);

    assertThat(ingest.delete("/internal/v1/feeds/" + atomId).status()).isEqualTo(204);
    assertThat(ingest.get("/internal/v1/feeds/" + atomId).status()).isEqualTo(404);
    assertThat(json(ingest.get("/actuator/health/readiness").body()).path("status").asText()).isEqualTo("UP");
  }

  @Test
  @Order(6)
  void discoveryRedirectsOpmlAndFailingFeedsBehaveForOperators() {
    String tiny = "<rss version=\"2.0\"><channel><title>%s</title><link>" + web.base() + "/</link><item><title>%s</title><link>"
        + web.base() + "/%s</link><description>Tokayev met the EAEU delegation in Astana.</description></item></channel></rss>";
    web.text("/site/", "<!doctype html><html><head><title>Qazaq Review</title><link rel=\"alternate\" type=\"application/rss+xml\" "
            + "title=\"Qazaq Review RSS\" href=\"/site/feed.xml\"></head><body><h1>Qazaq Review</h1></body></html>", "text/html", false)
        .text("/site/feed.xml", tiny.formatted("Qazaq Review", "EAEU talks", "site/eaeu-talks"), "application/rss+xml", false)
        .text("/opml/feed.xml", tiny.formatted("Opml Feed", "Trade corridor", "opml/trade"), "application/rss+xml", false)
        .route("/old/security.rss", ex -> {
          ex.getResponseHeaders().set("Location", "/feeds/security.rss");
          ex.sendResponseHeaders(301, -1);
        })
        .route("/broken.rss", ex -> ex.sendResponseHeaders(500, -1))
        .text("/not-a-feed.xml", "<config><entry>not a feed</entry></config>", "application/xml", false);

    IngestInstance.Response discovered = ingest.post("/internal/v1/feeds", "{\"url\":\"" + web.url("/site/") + "\"}");
    assertThat(discovered.status()).as(discovered.body()).isEqualTo(201);
    assertThat(json(discovered.body()).path("url").asText()).isEqualTo(web.url("/site/feed.xml"));

    IngestInstance.Response redirected = ingest.post("/internal/v1/feeds", "{\"url\":\"" + web.url("/old/security.rss") + "\"}");
    assertThat(redirected.status()).as("same feed after redirects").isEqualTo(200);
    assertThat(json(redirected.body()).path("feedId").asText()).isEqualTo(FeedIds.fromUrl(web.url("/feeds/security.rss")));

    String opml = "<?xml version=\"1.0\"?><opml version=\"2.0\"><head><title>subs</title></head><body>"
        + "<outline text=\"Kazakhstan\"><outline type=\"rss\" text=\"Qazaq\" xmlUrl=\"" + web.url("/site/feed.xml") + "\"/>"
        + "<outline type=\"rss\" text=\"Opml Feed\" xmlUrl=\"" + web.url("/opml/feed.xml") + "\"/></outline>"
        + "<outline type=\"rss\" text=\"Internal\" xmlUrl=\"http://localhost:" + web.port() + "/x\"/></body></opml>";
    JsonNode imported = json(ingest.post("/internal/v1/feeds/opml", opml).body());
    assertThat(imported.path("registered").asInt()).isEqualTo(1);
    assertThat(imported.path("existing").asInt()).isEqualTo(1);
    assertThat(imported.path("refused").get(0).path("category").asText()).isEqualTo("blocked");
    JsonNode opmlFeed = json(ingest.get("/internal/v1/feeds/" + FeedIds.fromUrl(web.url("/opml/feed.xml"))).body());
    assertThat(opmlFeed.path("tags").get(0).asText()).as("OPML folder becomes a tag").isEqualTo("Kazakhstan");
    assertThat(ingest.get("/internal/v1/feeds/opml").body()).contains("xmlUrl=\"" + web.url("/site/feed.xml") + "\"");

    String brokenId = register(web.url("/broken.rss"));
    String notFeedId = FeedIds.fromUrl(web.url("/not-a-feed.xml"));
    IngestInstance.Response notFeed = ingest.post("/internal/v1/feeds", "{\"url\":\"" + web.url("/not-a-feed.xml") + "\"}");
    assertThat(notFeed.status()).isEqualTo(400);
    assertThat(json(notFeed.body()).path("category").asText()).isEqualTo("parse");
    assertThat(ingest.get("/internal/v1/feeds/" + notFeedId).status()).isEqualTo(404);
    JsonNode broken = json(ingest.post("/internal/v1/feeds/" + brokenId + "/refresh", null).body()).path("health");
    assertThat(broken.path("consecutiveFailures").asInt()).isGreaterThanOrEqualTo(1);
    assertThat(broken.path("lastErrorCategory").asText()).isEqualTo("http_status");
    assertThat(broken.path("lastErrorMessage").asText()).contains("status=500");
    assertThat(broken.path("nextAttemptAt").asText()).isNotEmpty();

    JsonNode paused = json(ingest.post("/internal/v1/feeds/" + brokenId + "/pause", null).body());
    assertThat(paused.path("state").asText()).isEqualTo("PAUSED");
    assertThat(json(ingest.post("/internal/v1/feeds/" + brokenId + "/resume", null).body()).path("state").asText()).isEqualTo("ACTIVE");

    IngestInstance.Response updated = ingest.patch("/internal/v1/feeds/" + brokenId,
        "{\"title\":\"Broken but renamed\",\"tags\":[\"watch\"],\"timeZone\":\"Asia/Almaty\",\"maxPollInterval\":\"PT3H\"}");
    assertThat(updated.status()).as(updated.body()).isEqualTo(200);
    JsonNode reread = json(ingest.get("/internal/v1/feeds/" + brokenId).body());
    assertThat(reread.path("title").asText()).isEqualTo("Broken but renamed");
    assertThat(reread.path("tags").get(0).asText()).isEqualTo("watch");
    assertThat(reread.path("timeZone").asText()).isEqualTo("Asia/Almaty");
    assertThat(reread.path("maxPollInterval").asText()).isEqualTo("PT3H");
    assertThat(reread.path("url").asText()).as("the URL never changes").isEqualTo(web.url("/broken.rss"));
    IngestInstance.Response badZone = ingest.patch("/internal/v1/feeds/" + brokenId, "{\"timeZone\":\"Mars/Olympus\"}");
    assertThat(badZone.status()).isEqualTo(400);
    IngestInstance.Response badBounds = ingest.patch("/internal/v1/feeds/" + brokenId, "{\"maxPollInterval\":\"PT10M\"}");
    assertThat(badBounds.status()).as("max below the feed's 1 h minimum").isEqualTo(400);
  }

  @Test
  @Order(7)
  void aWindowThatTurnedOverUnseenShowsInTheFeedsHealthAsASuspectedGap() {
    RollingFeed wire = new RollingFeed(web.base(), Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofHours(31)), Duration.ofHours(1));
    web.text("/wire/rolling.rss", wire.window(1, 5), "application/rss+xml", false);
    String url = web.url("/wire/rolling.rss");
    IngestInstance.Response created = ingest.post("/internal/v1/feeds", "{\"url\":\"" + url + "\",\"minPollInterval\":\"PT10M\"}");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String feedId = json(created.body()).path("feedId").asText();
    assertThat(articlesOf(feedId, 5)).hasSize(5);

    web.text("/wire/rolling.rss", wire.window(11, 15), "application/rss+xml", false); // 6..10 were never listed to us
    JsonNode refreshed = json(ingest.post("/internal/v1/feeds/" + feedId + "/refresh", null).body()).path("health");
    assertThat(refreshed.path("suspectedGaps").asLong()).isEqualTo(1);
    assertThat(Duration.between(Instant.parse(refreshed.path("lastAttemptAt").asText()), Instant.parse(refreshed.path("nextAttemptAt").asText())))
        .as("polled again at the feed's minimum interval").isEqualTo(Duration.ofMinutes(10));

    JsonNode viewed = json(ingest.get("/internal/v1/feeds/" + feedId).body()).path("health");
    assertThat(viewed.path("suspectedGaps").asLong()).isEqualTo(1);
    assertThat(viewed.path("lastSuspectedGapAt").asText()).isEqualTo(refreshed.path("lastAttemptAt").asText());
    assertThat(viewed.path("newestItemAt").asText()).isEqualTo(wire.publishedAt(15).toString());
  }

  private static String register(String url) {
    IngestInstance.Response r = ingest.post("/internal/v1/feeds", "{\"url\":\"" + url + "\",\"minPollInterval\":\"PT1H\"}");
    assertThat(r.status()).as(r.body()).isIn(200, 201);
    return json(r.body()).path("feedId").asText();
  }

  private static List<RawArticle> articlesOf(String feedId, int atLeast) {
    return raw.readUntil(all -> all.stream().filter(k -> k.value().feedId().equals(feedId)).count() >= atLeast, Duration.ofSeconds(20))
        .stream().map(TopicReader.Keyed::value).filter(a -> a.feedId().equals(feedId)).toList();
  }

  private static RawArticle byTitle(List<RawArticle> articles, String title) {
    return articles.stream().filter(a -> a.title().equals(title)).findFirst()
        .orElseThrow(() -> new AssertionError("no article titled " + title + " in " + articles.stream().map(RawArticle::title).toList()));
  }

  private static JsonNode json(String body) {
    try {
      return EventJson.mapper().readTree(body);
    } catch (java.io.IOException e) {
      throw new AssertionError("not JSON: " + body, e);
    }
  }
}
