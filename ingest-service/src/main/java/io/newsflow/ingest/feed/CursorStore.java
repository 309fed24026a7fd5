package io.newsflow.ingest.feed;

import io.newsflow.ingest.kafka.RecordSender;
import io.newsflow.model.json.EventJson;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;

/**
 * Fetch cursors (and health) of every feed, kept on ingest's own compacted topic so that a restarted
 * instance, or the instance that takes a feed over, continues where the last poll left off.
 *
 * <p>Two costs are avoided because a cursor carries up to {@code maxItemsRemembered} seen items (tens of KB):
 * a poll that changed nothing but health is written at most every {@code healthPersistInterval}
 * ({@link #saveHealth}), and this instance does not parse back the records it wrote itself — they carry its
 * writer id in a header, and its map already holds them (applying them again would change nothing, since
 * the newer {@code savedAt} wins).
 */
public final class CursorStore {

  static final String WRITER_HEADER = "newsflow-cursor-writer";

  private final ConcurrentHashMap<String, FeedCursor> cursors = new ConcurrentHashMap<>();
  /** When each feed's cursor was last written to, or read from, the topic. */
  private final ConcurrentHashMap<String, Instant> persistedAt = new ConcurrentHashMap<>();
  private final RecordSender sender;
  private final String topic;
  private final Duration healthPersistInterval;
  private final byte[] writerId = UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8);

  public CursorStore(RecordSender sender, String topic, Duration healthPersistInterval) {
    this.sender = sender;
    this.topic = topic;
    this.healthPersistInterval = healthPersistInterval;
  }

  public String topic() {
    return topic;
  }

  public void apply(ConsumerRecord<String, byte[]> record) {
    if (record.value() == null) {
      cursors.remove(record.key());
      persistedAt.remove(record.key());
      return;
    }
    if (writtenHere(record)) {
      return;
    }
    FeedCursor cursor = EventJson.fromBytes(record.value(), FeedCursor.class);
    keepNewer(cursor);
    persistedAt.merge(cursor.feedId(), cursor.savedAt(), (a, b) -> a.isAfter(b) ? a : b);
  }

  private boolean writtenHere(ConsumerRecord<String, byte[]> record) {
    Header writer = record.headers().lastHeader(WRITER_HEADER);
    return writer != null && Arrays.equals(writer.value(), writerId);
  }

  private void keepNewer(FeedCursor cursor) {
    cursors.merge(cursor.feedId(), cursor, (old, neu) -> neu.savedAt().isBefore(old.savedAt()) ? old : neu);
  }

  public FeedCursor get(String feedId) {
    return cursors.getOrDefault(feedId, FeedCursor.empty(feedId));
  }

  /**
   * Keeps a cursor in memory only, for health after a failure when the broker is unreachable, and for
   * health-only changes between writes; never used for cursors that advance validators or items.
   */
  void keepLocally(FeedCursor cursor) {
    keepNewer(cursor);
  }

  /** Writes the cursor and waits for the broker; only then does this instance use it. */
  public void save(FeedCursor cursor) {
    ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, cursor.feedId(), EventJson.toBytes(cursor));
    record.headers().add(WRITER_HEADER, writerId);
    sender.send(record);
    keepNewer(cursor);
    persistedAt.merge(cursor.feedId(), cursor.savedAt(), (a, b) -> a.isAfter(b) ? a : b);
  }

  /**
   * A successful poll that changed nothing but the feed's health: written when the feed had failed before
   * (operators and a taking-over instance must see the recovery) or when its cursor on the topic is older
   * than {@code healthPersistInterval}; otherwise kept in memory, so an idle feed polled every few minutes
   * does not rewrite its whole cursor on every 304.
   */
  void saveHealth(FeedCursor current, FeedHealth health, Instant now) {
    FeedCursor next = current.withHealth(health, now);
    Instant persisted = persistedAt.get(current.feedId());
    boolean recovering = current.health().consecutiveFailures() > 0 || current.health().lastErrorCategory() != null;
    if (!recovering && persisted != null && persisted.plus(healthPersistInterval).isAfter(now)) {
      keepLocally(next);
      return;
    }
    save(next);
  }
}
