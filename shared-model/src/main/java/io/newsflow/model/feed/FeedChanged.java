package io.newsflow.model.feed;

import java.time.Instant;
import java.util.Objects;

/**
 * A feed lifecycle event: published by ingest-service on {@code newsflow.feeds.v1}, keyed by feed id,
 * so the topic compacts to the current definition of every feed.
 *
 * @param eventId       unique per event
 * @param schemaVersion always {@link #SCHEMA_VERSION}
 * @param occurredAt    when the change was made
 * @param change        what happened
 * @param feed          the feed's definition after the change
 */
public record FeedChanged(String eventId, int schemaVersion, Instant occurredAt, FeedChange change, FeedDefinition feed) {

  public static final int SCHEMA_VERSION = 1;

  public FeedChanged {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(occurredAt, "occurredAt");
    Objects.requireNonNull(change, "change");
    Objects.requireNonNull(feed, "feed");
  }
}
