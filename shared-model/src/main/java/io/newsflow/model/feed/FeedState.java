package io.newsflow.model.feed;

/** Whether a feed is polled. */
public enum FeedState {
  ACTIVE,
  PAUSED,
  REMOVED
}
