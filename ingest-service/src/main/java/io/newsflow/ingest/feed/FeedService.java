package io.newsflow.ingest.feed;

import io.newsflow.ingest.http.FailureCategory;
import io.newsflow.ingest.http.FetchException;
import io.newsflow.ingest.http.FetchedResponse;
import io.newsflow.ingest.http.SafeHttpClient;
import io.newsflow.model.article.CanonicalUrl;
import io.newsflow.model.feed.FeedChange;
import io.newsflow.model.feed.FeedDefinition;
import io.newsflow.model.feed.FeedIds;
import io.newsflow.model.feed.FeedState;
import java.net.URI;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Feed lifecycle for operators: register (with discovery), pause, resume, remove, refresh. */
public final class FeedService {

  private static final Logger log = LoggerFactory.getLogger(FeedService.class);

  /** A registration's outcome: the feed, and whether it was already registered. */
  public record Registered(FeedDefinition feed, boolean existed) {}

  private final FeedRegistry registry;
  private final FeedScheduler scheduler;
  private final CursorStore cursors;
  private final SafeHttpClient http;
  private final FeedParser parser;

  FeedService(FeedRegistry registry, FeedScheduler scheduler, CursorStore cursors, SafeHttpClient http, FeedParser parser) {
    this.registry = registry;
    this.scheduler = scheduler;
    this.cursors = cursors;
    this.http = http;
    this.parser = parser;
  }

  /**
   * Registers the feed at the URL, or the feed the page at the URL announces. The URL is fetched
   * once: a refused address fails the registration, any other fetch failure does not (the feed may
   * be down for a while) and shows up in its health after the first poll.
   *
   * @throws InvalidFeedException for a malformed URL or invalid fields ({@code invalid}), refused
   *     address ({@code blocked}) or a page without a feed ({@code parse})
   */
  public Registered register(FeedRegistration request) {
    String url = validUrl(request.url());
    ZoneId zone = validZone(request.timeZone(), url);
    if (request.minPollInterval() != null && request.maxPollInterval() != null
        && request.maxPollInterval().compareTo(request.minPollInterval()) < 0) {
      throw new InvalidFeedException(url, "invalid", "maxPollInterval is below minPollInterval");
    }
    Optional<FeedDefinition> existing = findLive(url);
    if (existing.isPresent()) {
      return new Registered(existing.get(), true);
    }
    Probe probe = probe(url, zone);
    existing = findLive(probe.url());
    if (existing.isPresent()) {
      return new Registered(existing.get(), true);
    }
    String title = request.title() != null && !request.title().isBlank() ? request.title().strip()
        : probe.feed() == null ? null : probe.feed().title();
    FeedDefinition feed = new FeedDefinition(FeedIds.fromUrl(probe.url()), probe.url(), title,
        probe.feed() == null ? null : probe.feed().siteUrl(), request.tags(), request.language(),
        request.timeZone() == null ? null : zone.getId(), request.minPollInterval(), request.maxPollInterval(), FeedState.ACTIVE);
    registry.publish(FeedChange.REGISTERED, feed);
    scheduler.pollSoon(feed.feedId());
    log.info("registered feed {} at {}", feed.feedId(), feed.url());
    return new Registered(feed, false);
  }

  private record Probe(String url, ParsedFeed feed) {}

  /** Fetches the URL; follows redirects and, for an HTML page, discovery, to the feed's final URL. */
  private Probe probe(String url, ZoneId zone) {
    FetchedResponse response;
    try {
      response = http.get(URI.create(url), Map.of());
    } catch (FetchException e) {
      if (e.category() == FailureCategory.BLOCKED) {
        throw new InvalidFeedException(url, FailureCategory.BLOCKED.code(), e.getMessage());
      }
      log.info("feed {} not reachable at registration, registering anyway: {}", url, e.getMessage());
      return new Probe(url, null);
    }
    String finalUrl = CanonicalUrl.normalise(response.finalUrl().toString());
    try {
      return new Probe(finalUrl, parser.parse(response.body(), response.header("content-type"), response.finalUrl(), zone));
    } catch (FeedParseException notAFeed) {
      if (!FeedDiscovery.looksLikeHtml(response.body(), response.header("content-type"))) {
        throw new InvalidFeedException(url, FailureCategory.PARSE.code(), notAFeed.getMessage());
      }
    }
    String html = ArticleAssembler.decode(response.body(), response.header("content-type"));
    for (String candidate : FeedDiscovery.candidates(html, response.finalUrl().toString())) {
      try {
        FetchedResponse r = http.get(URI.create(candidate), Map.of());
        ParsedFeed parsed = parser.parse(r.body(), r.header("content-type"), r.finalUrl(), zone);
        return new Probe(CanonicalUrl.normalise(r.finalUrl().toString()), parsed);
      } catch (FetchException e) {
        if (e.category() == FailureCategory.BLOCKED) {
          throw new InvalidFeedException(candidate, FailureCategory.BLOCKED.code(), e.getMessage());
        }
      }
    }
    throw new InvalidFeedException(url, FailureCategory.PARSE.code(), "the page is not a feed and announces none");
  }

  private Optional<FeedDefinition> findLive(String url) {
    return registry.find(FeedIds.fromUrl(url)).map(FeedRegistry.RegisteredFeed::definition)
        .filter(f -> f.state() != FeedState.REMOVED);
  }

  public List<FeedDefinition> list() {
    return registry.listed();
  }

  public FeedDefinition get(String feedId) {
    return registry.find(feedId).map(FeedRegistry.RegisteredFeed::definition)
        .filter(f -> f.state() != FeedState.REMOVED)
        .orElseThrow(() -> new FeedNotFoundException(feedId));
  }

  public FeedHealth health(String feedId) {
    return cursors.get(feedId).health();
  }

  /**
   * Changes a feed's settings and publishes the change as {@code UPDATED}; the scheduler reads the
   * new poll bounds on the feed's next poll.
   *
   * @throws InvalidFeedException for an unknown time zone or poll bounds that contradict each other
   */
  public FeedDefinition update(String feedId, FeedUpdate update) {
    FeedDefinition f = get(feedId);
    String zone = update.timeZone() == null ? f.timeZone() : validZone(update.timeZone(), f.url()).getId();
    Duration min = update.minPollInterval() == null ? f.minPollInterval() : update.minPollInterval();
    Duration max = update.maxPollInterval() == null ? f.maxPollInterval() : update.maxPollInterval();
    if (min != null && max != null && max.compareTo(min) < 0) {
      throw new InvalidFeedException(f.url(), "invalid", "maxPollInterval is below minPollInterval");
    }
    String title = update.title() == null || update.title().isBlank() ? f.title() : update.title().strip();
    FeedDefinition changed = new FeedDefinition(f.feedId(), f.url(), title, f.siteUrl(),
        update.tags() == null ? f.tags() : update.tags(), update.language() == null ? f.language() : update.language(),
        zone, min, max, f.state());
    return changed.equals(f) ? f : registry.publish(FeedChange.UPDATED, changed);
  }

  public FeedDefinition pause(String feedId) {
    return changeState(feedId, FeedChange.PAUSED, FeedState.PAUSED);
  }

  public FeedDefinition resume(String feedId) {
    FeedDefinition feed = changeState(feedId, FeedChange.RESUMED, FeedState.ACTIVE);
    scheduler.pollSoon(feedId);
    return feed;
  }

  public void remove(String feedId) {
    changeState(feedId, FeedChange.REMOVED, FeedState.REMOVED);
    scheduler.forget(feedId);
  }

  /**
   * Polls now, whatever the schedule, and returns the feed once the poll is over.
   *
   * @throws FeedNotOwnedException when another instance polls this feed
   */
  public FeedDefinition refresh(String feedId) {
    FeedDefinition feed = get(feedId);
    scheduler.pollNow(registry.find(feedId).orElseThrow(() -> new FeedNotFoundException(feedId)));
    return feed;
  }

  private FeedDefinition changeState(String feedId, FeedChange change, FeedState state) {
    FeedDefinition f = get(feedId);
    if (f.state() == state) {
      return f;
    }
    FeedDefinition changed = new FeedDefinition(f.feedId(), f.url(), f.title(), f.siteUrl(), f.tags(), f.language(),
        f.timeZone(), f.minPollInterval(), f.maxPollInterval(), state);
    return registry.publish(change, changed);
  }

  private static String validUrl(String url) {
    if (url == null || url.isBlank()) {
      throw new InvalidFeedException(String.valueOf(url), "invalid", "url is required");
    }
    String stripped = url.strip();
    try {
      URI uri = new URI(stripped);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
      if (!scheme.equals("http") && !scheme.equals("https")) {
        throw new InvalidFeedException(stripped, FailureCategory.BLOCKED.code(), "only http and https feeds are fetched");
      }
      return CanonicalUrl.normalise(stripped);
    } catch (java.net.URISyntaxException | IllegalArgumentException e) {
      throw new InvalidFeedException(stripped, "invalid", "not an absolute URL: " + e.getMessage());
    }
  }

  private static ZoneId validZone(String zone, String url) {
    if (zone == null || zone.isBlank()) {
      return ZoneOffset.UTC;
    }
    try {
      return ZoneId.of(zone.strip());
    } catch (DateTimeException e) {
      throw new InvalidFeedException(url, "invalid", "unknown time zone " + zone);
    }
  }
}
