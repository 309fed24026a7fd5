package io.newsflow.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.newsflow.ingest.config.IngestProperties;
import io.newsflow.ingest.extract.ArticleExtractor;
import io.newsflow.ingest.http.AddressGuard;
import io.newsflow.ingest.http.HostPoliteness;
import io.newsflow.ingest.http.SafeHttpClient;
import io.newsflow.ingest.kafka.RecordSender;
import io.newsflow.ingest.publish.RawArticlePublisher;
import io.newsflow.ingest.support.TestWebServer;
import io.newsflow.model.article.RawArticle;
import io.newsflow.model.feed.FeedDefinition;
import io.newsflow.model.feed.FeedIds;
import io.newsflow.model.feed.FeedState;
import io.newsflow.model.json.EventJson;
import io.newsflow.model.topic.Topics;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.random.RandomGenerator;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

/** The cursor rule: nothing advances unless the broker acknowledged every article of the poll. */
class FeedPollerTest {

  final TestWebServer web = new TestWebServer();
  final List<ProducerRecord<String, byte[]>> acknowledged = new CopyOnWriteArrayList<>();
  volatile boolean brokerDown;

  @AfterEach
  void stop() {
    web.close();
  }

  @SuppressWarnings("unchecked")
  FeedPoller poller(SafeHttpClient http) {
    KafkaTemplate<String, byte[]> template = mock(KafkaTemplate.class);
    when(template.send(any(ProducerRecord.class))).thenAnswer(call -> {
      ProducerRecord<String, byte[]> record = call.getArgument(0);
      if (brokerDown) {
        return CompletableFuture.failedFuture(new TimeoutException("broker unreachable"));
      }
      acknowledged.add(record);
      RecordMetadata meta = new RecordMetadata(new TopicPartition(record.topic(), 0), acknowledged.size(), 0, 0L, 0, 0);
      return CompletableFuture.completedFuture(new SendResult<>(record, meta));
    });
    RecordSender sender = new RecordSender(template, Duration.ofSeconds(2));
    IngestProperties.Schedule schedule = new IngestProperties.Schedule(Duration.ofMinutes(5), Duration.ofHours(6),
        Duration.ofMillis(250), 0, Duration.ofHours(6), 600, 1000);
    ArticleAssembler assembler = new ArticleAssembler(http, new ArticleExtractor(), 600);
    return new FeedPoller(http, new FeedParser(Clock.systemUTC()), new ItemChangeDetector(assembler, Clock.systemUTC()),
        new RawArticlePublisher(sender, 8), new CursorStore(sender, "newsflow.ingest.cursors", java.time.Duration.ofMinutes(5)),
        new PollScheduling(schedule, RandomGenerator.getDefault()), Clock.systemUTC(), 1000);
  }

  SafeHttpClient http() {
    IngestProperties.Http config = new IngestProperties.Http("newsflow-ingest/test", false, List.of("127.0.0.1:" + web.port()),
        Duration.ofSeconds(2), Duration.ofSeconds(10), 1_000_000, 8192, 100, 3, 4, Duration.ZERO);
    return new SafeHttpClient(config, AddressGuard.from(config), new HostPoliteness(4, Duration.ZERO));
  }

  @Test
  void aBrokerOutageFollowedByANotModifiedLosesNoArticles() throws IOException {
    web.fixture("/feeds/security.rss", "feeds/steppe-dispatch.rss.xml", "application/rss+xml", true)
        .fixture("/2024/09/12/joint-staff-exercise-shymkent/", "pages/joint-staff-exercise-shymkent.html", "text/html", false)
        .fixture("/2024/09/08/cpc-terminal-resumes-loadings/", "pages/cpc-terminal-resumes-loadings.html", "text/html", false);
    String url = web.url("/feeds/security.rss");
    FeedDefinition feed = new FeedDefinition(FeedIds.fromUrl(url), url, null, null, null, null, null, null, null, FeedState.ACTIVE);
    try (SafeHttpClient http = http()) {
      FeedPoller poller = poller(http);

      brokerDown = true;
      FeedHealth failed = poller.poll(feed);
      assertThat(failed.consecutiveFailures()).isEqualTo(1);
      assertThat(failed.lastErrorCategory()).isEqualTo("io");
      assertThat(failed.articlesPublished()).isZero();

      brokerDown = false;
      FeedHealth recovered = poller.poll(feed);
      assertThat(web.requests("/feeds/security.rss").getLast().headers())
          .as("the ETag of the failed poll was not kept, so the feed is fetched in full again").doesNotContainKey("if-none-match");
      assertThat(recovered.consecutiveFailures()).isZero();
      assertThat(recovered.articlesPublished()).isEqualTo(3);
      List<RawArticle> published = acknowledged.stream().filter(r -> r.topic().equals(Topics.RAW_ARTICLES.name()))
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
    try (SafeHttpClient http = http()) {
      FeedPoller poller = poller(http);
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
