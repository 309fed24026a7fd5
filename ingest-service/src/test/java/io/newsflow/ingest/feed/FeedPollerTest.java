package io.newsflow.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.ingest.http.SafeHttpClient;
import io.newsflow.ingest.support.TestWebServer;
import io.newsflow.model.article.RawArticle;
import io.newsflow.model.feed.FeedDefinition;
import io.newsflow.model.feed.FeedIds;
import io.newsflow.model.feed.FeedState;
import io.newsflow.model.json.EventJson;
import io.newsflow.model.topic.Topics;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The cursor rule: nothing advances unless the broker acknowledged every article of the poll. */
class FeedPollerTest {

  final TestWebServer web = new TestWebServer();
  final MockBrokerPoller broker = new MockBrokerPoller();

  @AfterEach
  void stop() {
    web.close();
  }

  @Test
  void aBrokerOutageFollowedByANotModifiedLosesNoArticles() throws IOException {
    web.fixture("/feeds/security.rss", "feeds/steppe-dispatch.rss.xml", "application/rss+xml", true)
        .fixture("/2024/09/12/joint-staff-exercise-shymkent/", "pages/joint-staff-exercise-shymkent.html", "text/html", false)
        .fixture("/2024/09/08/cpc-terminal-resumes-loadings/", "pages/cpc-terminal-resumes-loadings.html", "text/html", false);
    String url = web.url("/feeds/security.rss");
    FeedDefinition feed = new FeedDefinition(FeedIds.fromUrl(url), url, null, null, null, null, null, null, null, FeedState.ACTIVE);
    try (SafeHttpClient http = MockBrokerPoller.http(web)) {
      FeedPoller poller = broker.poller(http, Duration.ofMinutes(5));

      broker.down = true;
      FeedHealth failed = poller.poll(feed);
      assertThat(failed.consecutiveFailures()).isEqualTo(1);
      assertThat(failed.lastErrorCategory()).isEqualTo("io");
      assertThat(failed.articlesPublished()).isZero();

      broker.down = false;
      FeedHealth recovered = poller.poll(feed);
      assertThat(web.requests("/feeds/security.rss").getLast().headers())
          .as("the ETag of the failed poll was not kept, so the feed is fetched in full again").doesNotContainKey("if-none-match");
      assertThat(recovered.consecutiveFailures()).isZero();
      assertThat(recovered.articlesPublished()).isEqualTo(3);
      List<RawArticle> published = broker.acknowledged.stream().filter(r -> r.topic().equals(Topics.RAW_ARTICLES.name()))
          .map(r -> EventJson.fromBytes(r.value(), RawArticle.class)).toList();
      assertThat(published).hasSize(3).allSatisfy(a -> assertThat(a.revision()).isEqualTo(1));

      FeedHealth third = poller.poll(feed);
      assertThat(web.requests("/feeds/security.rss").getLast().headers()).containsKey("if-none-match");
      assertThat(third.articlesPublished()).isEqualTo(3);
    }
  }

  @Test
  void retryAfterIsADelayNotAFailureWhileRealFailuresAreCountedAndCategorised() {
    web.route("/busy.rss", ex -> {
      ex.getResponseHeaders().set("Retry-After", "900");
      ex.sendResponseHeaders(503, -1);
    }).text("/html.rss", "<html><body>Maintenance</body></html>", "text/html", false);
    try (SafeHttpClient http = MockBrokerPoller.http(web)) {
      FeedPoller poller = broker.poller(http, Duration.ofMinutes(5));
      String busyUrl = web.url("/busy.rss");
      FeedDefinition busy = new FeedDefinition(FeedIds.fromUrl(busyUrl), busyUrl, null, null, null, null, null, null, null, FeedState.ACTIVE);
      FeedHealth delayed = poller.poll(busy);
      assertThat(delayed.consecutiveFailures()).isZero();
      assertThat(delayed.lastErrorCategory()).isEqualTo("http_status");
      assertThat(Duration.between(delayed.lastAttemptAt(), delayed.nextAttemptAt())).isGreaterThanOrEqualTo(Duration.ofSeconds(900));

      String htmlUrl = web.url("/html.rss");
      FeedDefinition html = new FeedDefinition(FeedIds.fromUrl(htmlUrl), htmlUrl, null, null, null, null, null, null, null, FeedState.ACTIVE);
      poller.poll(html);
      FeedHealth twice = poller.poll(html);
      assertThat(twice.consecutiveFailures()).isEqualTo(2);
      assertThat(twice.lastErrorCategory()).isEqualTo("parse");
      assertThat(twice.lastSuccessAt()).isNull();
      assertThat(Duration.between(twice.lastAttemptAt(), twice.nextAttemptAt())).as("second failure backs off twice the minimum")
          .isGreaterThanOrEqualTo(Duration.ofMinutes(10));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
