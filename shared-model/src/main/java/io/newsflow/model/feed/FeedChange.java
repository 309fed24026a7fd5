package io.newsflow.model.feed;

/** A feed lifecycle change. */
public enum FeedChange {
  REGISTERED,
  UPDATED,
  PAUSED,
  RESUMED,
  REMOVED
}
