package io.newsflow.ingest.config;

import io.newsflow.ingest.feed.FeedStateFollowers;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** Ready only once the feeds and cursors topics are read: before that, polling would republish items. */
@Component("feedState")
class FeedStateHealth implements HealthIndicator {

  private final FeedStateFollowers followers;

  FeedStateHealth(FeedStateFollowers followers) {
    this.followers = followers;
  }

  @Override
  public Health health() {
    return followers.isLoaded() ? Health.up().build() : Health.outOfService().withDetail("reason", "reading feed state topics").build();
  }
}
