package io.newsflow.ingest.feed;

import io.newsflow.ingest.kafka.RecordSender;
import io.newsflow.model.json.EventJson;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Fetch cursors (and health) of every feed, kept on ingest's own compacted topic so that a restarted
 * instance, or the instance that takes a feed over, continues where the last poll left off.
 */
public final class CursorStore {

  private final ConcurrentHashMap<String, FeedCursor> cursors = new ConcurrentHashMap<>();
  private final RecordSender sender;
  private final String topic;

  public CursorStore(RecordSender sender, String topic) {
    this.sender = sender;
    this.topic = topic;
  }

  public String topic() {
    return topic;
  }

  public void apply(ConsumerRecord<String, byte[]> record) {
    if (record.value() == null) {
      cursors.remove(record.key());
      return;
    }
    keepNewer(EventJson.fromBytes(record.value(), FeedCursor.class));
  }

  private void keepNewer(FeedCursor cursor) {
    cursors.merge(cursor.feedId(), cursor, (old, neu) -> neu.savedAt().isBefore(old.savedAt()) ? old : neu);
  }

  public FeedCursor get(String feedId) {
    return cursors.getOrDefault(feedId, FeedCursor.empty(feedId));
  }

  /**
   * Keeps a cursor in memory only, for health after a failure when the broker is unreachable; never
   * used for cursors that advance validators or items.
   */
  void keepLocally(FeedCursor cursor) {
    keepNewer(cursor);
  }

  /** Writes the cursor and waits for the broker; only then does this instance use it. */
  public void save(FeedCursor cursor) {
    sender.send(new ProducerRecord<>(topic, cursor.feedId(), EventJson.toBytes(cursor)));
    keepNewer(cursor);
  }
}
