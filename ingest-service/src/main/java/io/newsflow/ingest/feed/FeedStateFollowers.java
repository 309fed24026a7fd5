package io.newsflow.ingest.feed;

import io.newsflow.ingest.kafka.TopicFollower;
import java.time.Duration;

/** The two state topics every instance reads in full: feed definitions and fetch cursors. */
public final class FeedStateFollowers implements AutoCloseable {

  private final TopicFollower feeds;
  private final TopicFollower cursors;

  FeedStateFollowers(TopicFollower feeds, TopicFollower cursors) {
    this.feeds = feeds;
    this.cursors = cursors;
  }

  void start() {
    feeds.start();
    cursors.start();
  }

  /** Whether both topics have been read up to where they ended at start-up. */
  public boolean isLoaded() {
    return feeds.isCaughtUp() && cursors.isCaughtUp();
  }

  boolean awaitLoaded(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    return feeds.awaitCaughtUp(timeout) && cursors.awaitCaughtUp(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
  }

  @Override
  public void close() {
    feeds.close();
    cursors.close();
  }
}
