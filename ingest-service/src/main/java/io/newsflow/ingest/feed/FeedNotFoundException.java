package io.newsflow.ingest.feed;

/** No feed with that id is registered. */
public class FeedNotFoundException extends RuntimeException {

  private final String feedId;

  public FeedNotFoundException(String feedId) {
    super("no feed with id " + feedId);
    this.feedId = feedId;
  }

  public String feedId() {
    return feedId;
  }
}
