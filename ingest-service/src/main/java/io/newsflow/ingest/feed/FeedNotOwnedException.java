package io.newsflow.ingest.feed;

/**
 * A manual refresh reached an instance that does not poll the feed. Polling it here could overlap
 * with the owner's poll (one feed, one instance), so the request is refused and names the partition
 * whose owner polls the feed.
 */
public class FeedNotOwnedException extends RuntimeException {

  private final String feedId;
  private final int partition;

  public FeedNotOwnedException(String feedId, int partition) {
    super("feed " + feedId + " is polled by the ingest instance that owns partition " + partition
        + " of the feeds topic, not by this one; send the refresh to that instance or wait for its next poll");
    this.feedId = feedId;
    this.partition = partition;
  }

  public String feedId() {
    return feedId;
  }

  public int partition() {
    return partition;
  }
}
