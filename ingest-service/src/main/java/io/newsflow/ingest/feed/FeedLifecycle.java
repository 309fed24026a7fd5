package io.newsflow.ingest.feed;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Starts the feed stage in order: read the state topics, join the ownership group, then schedule.
 * Start-up waits a bounded time for the state so that a healthy broker gives a ready instance; a
 * slow one leaves the instance not ready (see the readiness probe) instead of hanging.
 */
final class FeedLifecycle implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(FeedLifecycle.class);

  private final FeedStateFollowers followers;
  private final io.newsflow.ingest.kafka.FeedOwnership ownership;
  private final FeedScheduler scheduler;
  private volatile boolean running;

  FeedLifecycle(FeedStateFollowers followers, io.newsflow.ingest.kafka.FeedOwnership ownership, FeedScheduler scheduler) {
    this.followers = followers;
    this.ownership = ownership;
    this.scheduler = scheduler;
  }

  @Override
  public void start() {
    followers.start();
    try {
      if (!followers.awaitLoaded(Duration.ofSeconds(30))) {
        log.warn("feed state not loaded after 30 s; polling starts once it is");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    ownership.start();
    scheduler.start();
    running = true;
  }

  @Override
  public void stop() {
    scheduler.close();
    ownership.close();
    followers.close();
    running = false;
  }

  @Override
  public boolean isRunning() {
    return running;
  }
}
