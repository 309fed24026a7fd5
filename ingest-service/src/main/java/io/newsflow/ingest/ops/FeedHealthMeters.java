package io.newsflow.ingest.ops;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.newsflow.ingest.feed.CursorStore;
import io.newsflow.ingest.feed.FeedHealth;
import io.newsflow.ingest.feed.FeedRegistry;
import io.newsflow.model.feed.FeedDefinition;
import io.newsflow.model.feed.FeedState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Gauges of the feed set as every instance sees it (the feeds and cursors topics are read whole by each):
 * how many feeds are ok, failing or paused, and how many are due for a poll now. One pass over the feeds
 * per scrape, shared by the gauges.
 */
final class FeedHealthMeters implements MeterBinder {

  private static final Duration SNAPSHOT_TTL = Duration.ofSeconds(1);

  private final FeedRegistry registry;
  private final CursorStore cursors;
  private final Clock clock;
  private Snapshot snapshot;

  record Snapshot(Instant at, int ok, int failing, int paused, int due) {}

  FeedHealthMeters(FeedRegistry registry, CursorStore cursors, Clock clock) {
    this.registry = registry;
    this.cursors = cursors;
    this.clock = clock;
  }

  @Override
  public void bindTo(MeterRegistry meters) {
    feedGauge(meters, "ok", s -> s.ok());
    feedGauge(meters, "failing", s -> s.failing());
    feedGauge(meters, "paused", s -> s.paused());
    Gauge.builder("newsflow.feeds.due", this, m -> m.snapshot().due())
        .description("active feeds whose next poll time has come").register(meters);
  }

  private void feedGauge(MeterRegistry meters, String state, java.util.function.ToIntFunction<Snapshot> value) {
    Gauge.builder("newsflow.feeds", this, m -> value.applyAsInt(m.snapshot())).tag("state", state)
        .description("registered feeds by health: ok, failing (last poll failed), paused").register(meters);
  }

  synchronized Snapshot snapshot() {
    Instant now = clock.instant();
    if (snapshot != null && now.isBefore(snapshot.at().plus(SNAPSHOT_TTL))) {
      return snapshot;
    }
    int ok = 0;
    int failing = 0;
    int paused = 0;
    int due = 0;
    for (FeedDefinition feed : registry.listed()) {
      if (feed.state() == FeedState.PAUSED) {
        paused++;
        continue;
      }
      FeedHealth health = cursors.get(feed.feedId()).health();
      if (health.consecutiveFailures() > 0) {
        failing++;
      } else {
        ok++;
      }
      if (health.nextAttemptAt() == null || !health.nextAttemptAt().isAfter(now)) {
        due++;
      }
    }
    snapshot = new Snapshot(now, ok, failing, paused, due);
    return snapshot;
  }
}
