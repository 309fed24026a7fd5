package io.newsflow.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.newsflow.ingest.kafka.RecordSender;
import io.newsflow.model.json.EventJson;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

/** What a cursor write costs: health-only polls are written sparingly, own records are not parsed back. */
class CursorStoreTest {

  static final String TOPIC = "newsflow.ingest.cursors";
  static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");

  final List<ProducerRecord<String, byte[]>> written = new CopyOnWriteArrayList<>();

  @SuppressWarnings("unchecked")
  CursorStore store() {
    KafkaTemplate<String, byte[]> template = mock(KafkaTemplate.class);
    when(template.send(any(ProducerRecord.class))).thenAnswer(call -> {
      ProducerRecord<String, byte[]> record = call.getArgument(0);
      written.add(record);
      RecordMetadata meta = new RecordMetadata(new TopicPartition(record.topic(), 0), written.size(), 0, 0L, 0, 0);
      return CompletableFuture.completedFuture(new SendResult<>(record, meta));
    });
    return new CursorStore(new RecordSender(template, Duration.ofSeconds(2)), TOPIC, Duration.ofMinutes(5));
  }

  static FeedCursor cursorWithItems(String feedId, Instant savedAt) {
    List<SeenItem> items = List.of(new SeenItem("guid-1", "a1", "https://example.kz/1", "fh1", "ch1", 1),
        new SeenItem("guid-2", "a2", "https://example.kz/2", "fh2", "ch2", 1));
    FeedHealth health = FeedHealth.NEVER_POLLED.succeeded(savedAt, savedAt.plusSeconds(300), 2);
    return new FeedCursor(feedId, "\"v1\"", null, items, health, savedAt);
  }

  @Test
  void aNotModifiedPollWithinTheIntervalIsKeptInMemoryAndWrittenOnceTheIntervalHasPassed() {
    CursorStore store = store();
    store.save(cursorWithItems("feed-1", T0));
    assertThat(written).hasSize(1);

    Instant poll = T0.plusSeconds(60);
    FeedHealth polled = store.get("feed-1").health().succeeded(poll, poll.plusSeconds(300), 0);
    store.saveHealth(store.get("feed-1"), polled, poll);
    assertThat(written).as("a 304 one minute after the last write is not written").hasSize(1);
    assertThat(store.get("feed-1").health().lastSuccessAt()).as("but operators see it").isEqualTo(poll);
    assertThat(store.get("feed-1").items()).hasSize(2);

    Instant later = T0.plus(Duration.ofMinutes(6));
    store.saveHealth(store.get("feed-1"), store.get("feed-1").health().succeeded(later, later.plusSeconds(300), 0), later);
    assertThat(written).as("six minutes after the last write the cursor is written again").hasSize(2);
    FeedCursor onTopic = EventJson.fromBytes(written.getLast().value(), FeedCursor.class);
    assertThat(onTopic.health().lastSuccessAt()).isEqualTo(later);
    assertThat(onTopic.items()).as("with its items and validators").hasSize(2);
    assertThat(onTopic.etag()).isEqualTo("\"v1\"");
  }

  @Test
  void aRecoveryFromFailuresIsWrittenAtOnce() {
    CursorStore store = store();
    store.save(cursorWithItems("feed-2", T0));
    Instant failedAt = T0.plusSeconds(30);
    store.save(store.get("feed-2").withHealth(store.get("feed-2").health().failed(failedAt, failedAt.plusSeconds(60), "timeout", "read timed out", true), failedAt));
    assertThat(written).hasSize(2);

    Instant ok = T0.plusSeconds(90);
    store.saveHealth(store.get("feed-2"), store.get("feed-2").health().succeeded(ok, ok.plusSeconds(300), 0), ok);
    assertThat(written).as("the recovery is written although the last write is 60 s old").hasSize(3);
    assertThat(EventJson.fromBytes(written.getLast().value(), FeedCursor.class).health().consecutiveFailures()).isZero();
  }

  @Test
  void ownRecordsAreNotParsedBackWhileOtherInstancesRecordsAre() {
    CursorStore mine = store();
    mine.save(cursorWithItems("feed-3", T0));
    ProducerRecord<String, byte[]> own = written.getFirst();

    // a record with this instance's writer id is skipped without being read: even a body that is not JSON
    ConsumerRecord<String, byte[]> ownGarbled = new ConsumerRecord<>(TOPIC, 0, 1, "feed-3", "not json".getBytes(StandardCharsets.UTF_8));
    own.headers().forEach(h -> ownGarbled.headers().add(h));
    mine.apply(ownGarbled);
    assertThat(mine.get("feed-3").items()).hasSize(2);

    // another instance (another writer id) wrote a newer cursor of the same feed: it is applied
    CursorStore other = store();
    Instant newer = T0.plusSeconds(120);
    FeedCursor taken = cursorWithItems("feed-3", newer).withHealth(FeedHealth.NEVER_POLLED.succeeded(newer, newer.plusSeconds(300), 5), newer);
    other.save(taken);
    ProducerRecord<String, byte[]> theirs = written.getLast();
    ConsumerRecord<String, byte[]> received = new ConsumerRecord<>(TOPIC, 0, 2, theirs.key(), theirs.value());
    theirs.headers().forEach(h -> received.headers().add(h));
    mine.apply(received);
    assertThat(mine.get("feed-3").savedAt()).isEqualTo(newer);
    assertThat(mine.get("feed-3").health().articlesPublished()).isEqualTo(5);

    // and a record without the header (written before the header existed) is applied too
    CursorStore restarted = store();
    restarted.apply(new ConsumerRecord<>(TOPIC, 0, 1, "feed-3", own.value()));
    assertThat(restarted.get("feed-3").savedAt()).isEqualTo(T0);
  }

  @Test
  void aCursorWrittenBeforeGapsWereCountedStillLoads() {
    // as the cursors topic holds it from before suspectedGaps, lastSuspectedGapAt and newestItemAt existed
    String old = """
        {"feedId":"feed-old","etag":"\\"v7\\"","items":[{"identity":"guid:tengri-2291","articleId":"a-2291",\
        "canonicalUrl":"https://example.kz/news/2291","feedHash":"fh","contentHash":"ch","revision":2}],\
        "health":{"lastAttemptAt":"2026-11-20T08:00:00Z","lastSuccessAt":"2026-11-20T08:00:00Z","consecutiveFailures":0,\
        "nextAttemptAt":"2026-11-20T08:05:00Z","articlesPublished":41},"savedAt":"2026-11-20T08:00:01Z"}""";
    CursorStore store = store();
    store.apply(new ConsumerRecord<>(TOPIC, 0, 7, "feed-old", old.getBytes(StandardCharsets.UTF_8)));

    FeedCursor loaded = store.get("feed-old");
    assertThat(loaded.savedAt()).as("the record was applied, not refused").isEqualTo(Instant.parse("2026-11-20T08:00:01Z"));
    assertThat(loaded.etag()).isEqualTo("\"v7\"");
    assertThat(loaded.items()).extracting(SeenItem::revision).containsExactly(2);
    assertThat(loaded.health().articlesPublished()).isEqualTo(41);
    assertThat(loaded.health().suspectedGaps()).isZero();
    assertThat(loaded.health().lastSuspectedGapAt()).isNull();
    assertThat(loaded.health().newestItemAt()).isNull();

    Instant gapAt = Instant.parse("2026-11-20T08:05:00Z");
    FeedHealth afterGap = loaded.health().succeeded(gapAt, gapAt.plusSeconds(300), 3, Instant.parse("2026-11-20T08:04:00Z")).withSuspectedGap(gapAt);
    store.save(loaded.withHealth(afterGap, gapAt));
    FeedCursor reread = EventJson.fromBytes(written.getLast().value(), FeedCursor.class);
    assertThat(reread.health()).isEqualTo(afterGap);
    assertThat(reread.health().suspectedGaps()).isEqualTo(1);
  }
}
