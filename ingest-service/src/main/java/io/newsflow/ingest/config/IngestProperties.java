package io.newsflow.ingest.config;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Every setting of ingest-service, under {@code newsflow.ingest}. Each key is settable by environment
 * variable through relaxed binding (e.g. {@code NEWSFLOW_INGEST_HTTP_MAXBODYBYTES}); the two
 * cross-service variables {@code NEWSFLOW_ALLOW_PRIVATE_FEEDS} and {@code NEWSFLOW_ALLOWED_HOSTS} are
 * mapped in {@code application.yml}.
 *
 * @param schedule when feeds are polled
 * @param http     how the web is fetched
 * @param kafka    topics and group owned by ingest
 */
@ConfigurationProperties("newsflow.ingest")
public record IngestProperties(
    @DefaultValue Schedule schedule,
    @DefaultValue Http http,
    @DefaultValue Kafka kafka) {

  /**
   * @param defaultMinPollInterval poll bound used when a feed does not set its own
   * @param defaultMaxPollInterval poll bound used when a feed does not set its own
   * @param tick                   how often the scheduler looks for due feeds
   * @param jitter                 fraction (0..1) of random spread added to each computed interval
   * @param maxBackoff             ceiling of the failure back-off: a failing feed is still probed this often
   * @param summaryTextThreshold   item content shorter than this (characters) counts as a summary, so the page is fetched
   * @param maxItemsRemembered     seen items kept per feed in its cursor
   */
  public record Schedule(
      @DefaultValue("PT5M") Duration defaultMinPollInterval,
      @DefaultValue("PT6H") Duration defaultMaxPollInterval,
      @DefaultValue("PT0.25S") Duration tick,
      @DefaultValue("0.1") double jitter,
      @DefaultValue("PT6H") Duration maxBackoff,
      @DefaultValue("600") int summaryTextThreshold,
      @DefaultValue("1000") int maxItemsRemembered) {}

  /**
   * @param userAgent         sent on every request
   * @param allowPrivateFeeds lift the address guard entirely (demo and tests on 127.0.0.1)
   * @param allowedHosts      {@code host} or {@code host:port} allowed even when they resolve to private addresses
   * @param connectTimeout    TCP connect timeout
   * @param fetchDeadline     one deadline for a whole fetch, redirects and body included; time spent queued
   *                          behind the per-host limit is not counted (it is our scheduling, not the host)
   * @param maxBodyBytes      cap on the decoded body
   * @param maxHeaderLineBytes cap on one response header line
   * @param maxHeaderCount    cap on the number of response headers
   * @param maxRedirects      redirects followed per fetch
   * @param perHostConcurrency requests in flight to one host, feed polls and page fetches together
   * @param perHostMinDelay   minimum time between the starts of two requests to one host
   */
  public record Http(
      @DefaultValue("newsflow-ingest/0.1 (+https://github.com/newsflow; feed reader)") String userAgent,
      @DefaultValue("false") boolean allowPrivateFeeds,
      @DefaultValue List<String> allowedHosts,
      @DefaultValue("PT10S") Duration connectTimeout,
      @DefaultValue("PT30S") Duration fetchDeadline,
      @DefaultValue("10485760") long maxBodyBytes,
      @DefaultValue("8192") int maxHeaderLineBytes,
      @DefaultValue("100") int maxHeaderCount,
      @DefaultValue("5") int maxRedirects,
      @DefaultValue("2") int perHostConcurrency,
      @DefaultValue("PT1S") Duration perHostMinDelay) {}

  /**
   * @param cursorsTopic   compacted topic holding each feed's fetch cursor and health, keyed by feed id
   * @param ownershipGroup consumer group whose partition assignment of the feeds topic decides which
   *                       instance polls which feed
   * @param sessionTimeout how long a silent instance keeps its feeds before another takes them over
   * @param publishTimeout how long a poll waits for the broker to acknowledge its articles (counted from
   *                       when it may publish, see below)
   * @param maxConcurrentPublishes polls that parse, assemble and publish at once (from the fetched body to
   *                       the saved cursor); the others wait their turn holding only the body, so a burst of
   *                       full feeds neither overfills the producer's buffer and fails whole polls nor fills
   *                       the heap with assembled articles
   * @param healthPersistInterval how long a poll that changed nothing but the feed's health (a 304, or the same
   *                       items under the same validators) may keep that health in memory only: its cursor
   *                       (up to {@code maxItemsRemembered} items) is written to the cursors topic at most this
   *                       often, and at once when the feed recovers from failures. A restarted instance or the
   *                       one taking the feed over sees health at most this old and polls the feed sooner.
   */
  public record Kafka(
      @DefaultValue("newsflow.ingest.cursors") String cursorsTopic,
      @DefaultValue("newsflow-ingest-owners") String ownershipGroup,
      @DefaultValue("PT10S") Duration sessionTimeout,
      @DefaultValue("PT30S") Duration publishTimeout,
      @DefaultValue("8") int maxConcurrentPublishes,
      @DefaultValue("PT5M") Duration healthPersistInterval) {}
}
