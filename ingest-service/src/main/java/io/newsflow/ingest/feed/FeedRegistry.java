package io.newsflow.ingest.feed;

import io.newsflow.ingest.kafka.RecordSender;
import io.newsflow.model.feed.FeedChange;
import io.newsflow.model.feed.FeedChanged;
import io.newsflow.model.feed.FeedDefinition;
import io.newsflow.model.feed.FeedState;
import io.newsflow.model.json.EventJson;
import io.newsflow.model.topic.Topics;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Every feed's current definition. The compacted topic {@code newsflow.feeds.v1} is the source of
 * truth: changes are published there first and applied here from the acknowledged record, and every
 * instance follows the topic, so all instances converge on the same registry and it survives restarts.
 */
public final class FeedRegistry {

  /** A feed and where its latest record sits; the partition decides which instance polls it. */
  public record RegisteredFeed(FeedDefinition definition, int partition, long offset) {}

  private final ConcurrentHashMap<String, RegisteredFeed> feeds = new ConcurrentHashMap<>();
  private final RecordSender sender;
  private final Clock clock;

  public FeedRegistry(RecordSender sender, Clock clock) {
    this.sender = sender;
    this.clock = clock;
  }

  /** Applies a record read from the feeds topic. */
  public void apply(ConsumerRecord<String, byte[]> record) {
    if (record.value() == null) {
      feeds.remove(record.key());
      return;
    }
    FeedChanged changed = EventJson.fromBytes(record.value(), FeedChanged.class);
    apply(changed.feed(), record.partition(), record.offset());
  }

  private void apply(FeedDefinition feed, int partition, long offset) {
    // the follower may replay a record older than one this instance already applied from its own send
    feeds.merge(feed.feedId(), new RegisteredFeed(feed, partition, offset),
        (old, neu) -> old.partition() == neu.partition() && old.offset() > neu.offset() ? old : neu);
  }

  /** Publishes the change, waits for the broker's acknowledgement, then applies it here. */
  public FeedDefinition publish(FeedChange change, FeedDefinition feed) {
    FeedChanged event = new FeedChanged(UUID.randomUUID().toString(), FeedChanged.SCHEMA_VERSION, clock.instant(), change, feed);
    RecordMetadata meta = sender.send(new ProducerRecord<>(Topics.FEEDS.name(), feed.feedId(), EventJson.toBytes(event))).getRecordMetadata();
    apply(feed, meta.partition(), meta.offset());
    return feed;
  }

  public Optional<RegisteredFeed> find(String feedId) {
    return Optional.ofNullable(feeds.get(feedId));
  }

  /** Feeds that are not removed, ordered by URL. */
  public List<FeedDefinition> listed() {
    return feeds.values().stream().map(RegisteredFeed::definition)
        .filter(f -> f.state() != FeedState.REMOVED)
        .sorted(Comparator.comparing(FeedDefinition::url)).toList();
  }

  public List<RegisteredFeed> active() {
    return feeds.values().stream().filter(f -> f.definition().state() == FeedState.ACTIVE).toList();
  }
}
