package io.newsflow.store.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoSocketReadException;
import com.mongodb.ServerAddress;
import io.newsflow.model.article.EnrichedArticle;
import io.newsflow.model.json.EventJson;
import io.newsflow.model.topic.Topics;
import io.newsflow.store.Articles;
import io.newsflow.store.mongo.ConcurrentUpdateException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * What becomes of a batch whose write fails, attempt after attempt, as the container hands the same records back:
 * an outage holds the batch for as long as it lasts, a race clears, and an article that trips a failure nobody
 * foresaw is dead-lettered on its own after a few attempts instead of stopping the store for good.
 */
class ArticleBatchConsumerTest {

  private static final int ISOLATE_AFTER = 5;

  /** Writes that fail whenever a batch holds one of the {@code poisoned} articles; records what was stored. */
  private static final class FlakyWrites implements ArticleBatchConsumer.Writes {
    final Set<String> stored = new java.util.LinkedHashSet<>();
    final Set<String> poisoned;
    RuntimeException failure;
    int failuresLeft = Integer.MAX_VALUE;
    int calls;

    FlakyWrites(Set<String> poisoned, RuntimeException failure) {
      this.poisoned = poisoned;
      this.failure = failure;
    }

    @Override
    public ArticleWriter.WriteSummary write(List<EnrichedArticle> batch) {
      calls++;
      if (failuresLeft > 0 && batch.stream().anyMatch(e -> poisoned.contains(e.articleId()))) {
        failuresLeft--;
        throw failure;
      }
      batch.forEach(e -> stored.add(e.articleId()));
      return new ArticleWriter.WriteSummary(batch.size(), 0, 0);
    }
  }

  /** The dead-letter topic, as far as the consumer sees it: what was sent, with the reason. */
  private static final class RecordingDeadLetters extends DeadLetters {
    final List<String> sent = new ArrayList<>();
    boolean refuse;

    RecordingDeadLetters() {
      super(null);
    }

    @Override
    public void send(ConsumerRecord<String, byte[]> record, String reason, Throwable failure) {
      if (refuse) {
        throw new DeadLetterFailedException(record.topic(), record.partition(), record.offset(), new IllegalStateException("refused"));
      }
      sent.add(record.key() + ": " + reason);
    }
  }

  /** A batch of records from two partitions whose offsets overlap, as a poll of several partitions gives. */
  private static List<ConsumerRecord<String, byte[]>> batch(int size) {
    List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      EnrichedArticle e = Articles.article("2024/09/batch-" + i).publishedAt("2024-09-1" + (i % 9) + "T06:00:00Z")
          .actor("KAZ", "Kazakhstan", "STATE", 0.9).theme("military-exercises", "Military exercises", 2.5, "joint exercises").build();
      records.add(new ConsumerRecord<>(Topics.ENRICHED_ARTICLES.name(), i % 2, 100 + i / 2, e.articleId(), EventJson.toBytes(e)));
    }
    return records;
  }

  @Test
  void anArticleThatKeepsFailingIsDeadLetteredAloneAfterTheRetriesAndTheRestIsStored() {
    List<ConsumerRecord<String, byte[]>> records = batch(6);
    String poison = records.get(3).key();
    FlakyWrites writes = new FlakyWrites(Set.of(poison), new NullPointerException("a field nobody expected to be missing"));
    RecordingDeadLetters dlt = new RecordingDeadLetters();
    ArticleBatchConsumer consumer = new ArticleBatchConsumer(writes, dlt, ISOLATE_AFTER);

    for (int attempt = 1; attempt < ISOLATE_AFTER; attempt++) {
      assertThatThrownBy(() -> consumer.consume(records)).isInstanceOf(NullPointerException.class);
      assertThat(dlt.sent).isEmpty();
    }
    ArticleWriter.WriteSummary summary = consumer.consume(records);

    assertThat(summary.stored()).isEqualTo(5);
    assertThat(writes.stored).containsExactlyInAnyOrderElementsOf(records.stream().map(ConsumerRecord::key).filter(k -> !k.equals(poison)).toList());
    assertThat(dlt.sent).singleElement().asString().startsWith(poison + ": failed on every attempt").contains("NullPointerException");
  }

  @Test
  void anOutageIsRetriedForAsLongAsItLastsAndNothingIsDeadLettered() {
    List<ConsumerRecord<String, byte[]>> records = batch(4);
    FlakyWrites writes = new FlakyWrites(Set.of(records.get(0).key()), new MongoSocketReadException("connection reset", new ServerAddress()));
    RecordingDeadLetters dlt = new RecordingDeadLetters();
    ArticleBatchConsumer consumer = new ArticleBatchConsumer(writes, dlt, ISOLATE_AFTER);

    for (int attempt = 1; attempt <= 4 * ISOLATE_AFTER; attempt++) {
      assertThatThrownBy(() -> consumer.consume(records)).isInstanceOf(MongoSocketReadException.class);
    }
    writes.failuresLeft = 0; // the database is back
    assertThat(consumer.consume(records).stored()).isEqualTo(4);
    assertThat(dlt.sent).isEmpty();
    assertThat(writes.stored).hasSize(4);
  }

  @Test
  void aMalformedRecordInABatchHeldByAnOutageIsDeadLetteredOnceNotOnEveryRetry() {
    List<ConsumerRecord<String, byte[]>> records = new ArrayList<>(batch(3));
    records.add(1, new ConsumerRecord<>(Topics.ENRICHED_ARTICLES.name(), 0, 7, "broken", "{\"articleId\": 4".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    FlakyWrites writes = new FlakyWrites(Set.of(records.get(0).key()), new MongoSocketReadException("connection reset", new ServerAddress()));
    writes.failuresLeft = 3;
    RecordingDeadLetters dlt = new RecordingDeadLetters();
    ArticleBatchConsumer consumer = new ArticleBatchConsumer(writes, dlt, ISOLATE_AFTER);

    for (int attempt = 1; attempt <= 3; attempt++) {
      assertThatThrownBy(() -> consumer.consume(records)).isInstanceOf(MongoSocketReadException.class);
    }
    assertThat(consumer.consume(records).stored()).isEqualTo(3);
    assertThat(dlt.sent).containsExactly("broken: malformed");
  }

  @Test
  void aRaceThatClearsStoresTheWholeBatchWithoutIsolatingIt() {
    List<ConsumerRecord<String, byte[]>> records = batch(4);
    FlakyWrites writes = new FlakyWrites(Set.of(records.get(2).key()), new ConcurrentUpdateException("articles", List.of("raced"), null));
    writes.failuresLeft = 2;
    RecordingDeadLetters dlt = new RecordingDeadLetters();
    ArticleBatchConsumer consumer = new ArticleBatchConsumer(writes, dlt, ISOLATE_AFTER);

    assertThatThrownBy(() -> consumer.consume(records)).isInstanceOf(ConcurrentUpdateException.class);
    assertThatThrownBy(() -> consumer.consume(records)).isInstanceOf(ConcurrentUpdateException.class);
    assertThat(consumer.consume(records).stored()).isEqualTo(4);

    assertThat(dlt.sent).isEmpty();
    assertThat(writes.calls).as("three attempts of the whole batch, none one by one").isEqualTo(3);
  }

  @Test
  void aBatchWithAnArticleRefusedForGoodAndAnotherThatKeepsFailingEndsWithBothDeadLettered() {
    // records 0 and 1 share an offset (partitions 0 and 1): dead-lettering one must not pass over the other
    List<ConsumerRecord<String, byte[]>> records = batch(5);
    String refused = records.get(0).key();
    String poison = records.get(3).key();
    FlakyWrites refusing = new FlakyWrites(Set.of(refused), new IllegalArgumentException("a value the database refuses"));
    FlakyWrites failing = new FlakyWrites(Set.of(poison), new IllegalStateException("unforeseen"));
    ArticleBatchConsumer.Writes writes = batch -> batch.stream().anyMatch(e -> e.articleId().equals(refused))
        ? refusing.write(batch) : failing.write(batch);
    RecordingDeadLetters dlt = new RecordingDeadLetters();
    ArticleBatchConsumer consumer = new ArticleBatchConsumer(writes, dlt, ISOLATE_AFTER);

    int attempts = 1;
    while (true) {
      try {
        consumer.consume(records);
        break;
      } catch (IllegalStateException stillRetried) {
        assertThat(attempts++).as("attempts before the batch is isolated").isLessThan(ISOLATE_AFTER);
      }
    }
    assertThat(attempts).isEqualTo(ISOLATE_AFTER);
    assertThat(dlt.sent).containsExactly(refused + ": rejected by database",
        poison + ": failed on every attempt, alone and in its batch (IllegalStateException)");
    assertThat(failing.stored).containsExactlyInAnyOrder(records.get(1).key(), records.get(2).key(), records.get(4).key());
  }

  @Test
  void failuresOfAnotherBatchDoNotCountTowardsIsolation() {
    List<ConsumerRecord<String, byte[]>> first = batch(3);
    List<ConsumerRecord<String, byte[]>> other = first.stream().map(r -> new ConsumerRecord<>(r.topic(), r.partition() + 2, r.offset(), r.key(), r.value())).toList();
    FlakyWrites writes = new FlakyWrites(Set.of(first.get(0).key()), new IllegalStateException("unforeseen"));
    RecordingDeadLetters dlt = new RecordingDeadLetters();
    ArticleBatchConsumer consumer = new ArticleBatchConsumer(writes, dlt, ISOLATE_AFTER);

    for (int attempt = 1; attempt < ISOLATE_AFTER; attempt++) {
      assertThatThrownBy(() -> consumer.consume(first)).isInstanceOf(IllegalStateException.class);
    }
    // a batch from another partition in between (a rebalance handed this thread different records) starts afresh
    assertThatThrownBy(() -> consumer.consume(other)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> consumer.consume(first)).isInstanceOf(IllegalStateException.class);
    assertThat(dlt.sent).isEmpty();
  }

  @Test
  void aDeadLetterTopicThatRefusesTheRecordFailsTheBatchInsteadOfSkippingIt() {
    List<ConsumerRecord<String, byte[]>> records = batch(3);
    FlakyWrites writes = new FlakyWrites(Set.of(records.get(1).key()), new IllegalStateException("unforeseen"));
    RecordingDeadLetters dlt = new RecordingDeadLetters();
    dlt.refuse = true;
    ArticleBatchConsumer consumer = new ArticleBatchConsumer(writes, dlt, 1);

    for (int attempt = 1; attempt <= 3; attempt++) {
      assertThatThrownBy(() -> consumer.consume(records)).isInstanceOf(DeadLetters.DeadLetterFailedException.class);
    }
    dlt.refuse = false;
    consumer.consume(records);
    assertThat(dlt.sent).singleElement().asString().startsWith(records.get(1).key() + ":");
    assertThat(writes.stored).containsExactlyInAnyOrder(records.get(0).key(), records.get(2).key());
  }
}
