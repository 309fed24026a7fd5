package io.newsflow.ingest.api;

import io.newsflow.ingest.config.IngestProperties;
import io.newsflow.ingest.feed.FeedRegistration;
import io.newsflow.ingest.feed.FeedService;
import io.newsflow.ingest.feed.FeedUpdate;
import io.newsflow.ingest.feed.InvalidFeedException;
import io.newsflow.model.feed.FeedDefinition;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The internal feed API (docs/internal-http-api.md, ingest-service section): a thin adapter over {@link FeedService}. */
@RestController
@RequestMapping("/internal/v1/feeds")
class FeedController {

  private final FeedService feeds;
  private final IngestProperties props;

  FeedController(FeedService feeds, IngestProperties props) {
    this.feeds = feeds;
    this.props = props;
  }

  @PostMapping
  ResponseEntity<FeedView> register(@RequestBody RegisterFeedBody body) {
    if (body == null) {
      throw new InvalidFeedException("", "invalid", "body is required");
    }
    FeedService.Registered r = feeds.register(new FeedRegistration(body.url(), body.title(), body.tags(), body.language(),
        body.timeZone(), duration(body.url(), "minPollInterval", body.minPollInterval()),
        duration(body.url(), "maxPollInterval", body.maxPollInterval())));
    return ResponseEntity.status(r.existed() ? HttpStatus.OK : HttpStatus.CREATED).body(view(r.feed()));
  }

  @GetMapping
  List<FeedView> list() {
    return feeds.list().stream().map(this::view).toList();
  }

  @GetMapping("/{feedId}")
  FeedView get(@PathVariable String feedId) {
    return view(feeds.get(feedId));
  }

  @PatchMapping("/{feedId}")
  FeedView update(@PathVariable String feedId, @RequestBody UpdateFeedBody body) {
    if (body == null) {
      throw new InvalidFeedException(feedId, "invalid", "body is required");
    }
    return view(feeds.update(feedId, new FeedUpdate(body.title(), body.tags(), body.language(), body.timeZone(),
        duration(feedId, "minPollInterval", body.minPollInterval()), duration(feedId, "maxPollInterval", body.maxPollInterval()))));
  }

  @PostMapping("/{feedId}/pause")
  FeedView pause(@PathVariable String feedId) {
    return view(feeds.pause(feedId));
  }

  @PostMapping("/{feedId}/resume")
  FeedView resume(@PathVariable String feedId) {
    return view(feeds.resume(feedId));
  }

  @PostMapping("/{feedId}/refresh")
  FeedView refresh(@PathVariable String feedId) {
    return view(feeds.refresh(feedId));
  }

  @DeleteMapping("/{feedId}")
  ResponseEntity<Void> remove(@PathVariable String feedId) {
    feeds.remove(feedId);
    return ResponseEntity.noContent().build();
  }

  private FeedView view(FeedDefinition feed) {
    return FeedView.of(feed, feeds.health(feed.feedId()), props.schedule().defaultMinPollInterval(),
        props.schedule().defaultMaxPollInterval());
  }

  private static Duration duration(String url, String field, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      Duration d = Duration.parse(value.strip());
      if (d.isNegative() || d.isZero()) {
        throw new InvalidFeedException(String.valueOf(url), "invalid", field + " must be positive");
      }
      return d;
    } catch (DateTimeParseException e) {
      throw new InvalidFeedException(String.valueOf(url), "invalid", field + " is not an ISO-8601 duration: " + value);
    }
  }
}
