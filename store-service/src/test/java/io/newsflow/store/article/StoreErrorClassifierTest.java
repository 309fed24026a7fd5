package io.newsflow.store.article;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.MongoSocketReadException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.MongoWriteException;
import com.mongodb.ServerAddress;
import com.mongodb.WriteError;
import io.newsflow.model.article.EnrichedArticle;
import io.newsflow.model.json.EventDecodingException;
import io.newsflow.store.mongo.ConcurrentUpdateException;
import java.util.List;
import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;

class StoreErrorClassifierTest {

  @Test
  void unreachableOrRacingDatabaseIsRetried() {
    assertThat(StoreErrorClassifier.isRetryable(new MongoTimeoutException("no server selected"))).isTrue();
    assertThat(StoreErrorClassifier.isRetryable(new IllegalStateException("wrapped",
        new MongoSocketReadException("reset", new ServerAddress())))).isTrue();
    assertThat(StoreErrorClassifier.isRetryable(new ConcurrentUpdateException("timeline_buckets", List.of("all|2024-09-12T07"), null))).isTrue();
  }

  @Test
  void outagesAreRetriedWithoutLimitAndRacesOrUnknownFailuresOnlyUntilIsolated() {
    assertThat(StoreErrorClassifier.classify(new MongoSocketReadException("reset", new ServerAddress())))
        .isEqualTo(StoreErrorClassifier.Outcome.RETRY);
    assertThat(StoreErrorClassifier.classify(new DeadLetters.DeadLetterFailedException("t", 0, 1, new IllegalStateException("broker away"))))
        .isEqualTo(StoreErrorClassifier.Outcome.RETRY);
    assertThat(StoreErrorClassifier.classify(new ConcurrentUpdateException("articles", List.of("a"), null)))
        .isEqualTo(StoreErrorClassifier.Outcome.RETRY_THEN_ISOLATE);
    assertThat(StoreErrorClassifier.classify(new NullPointerException("unforeseen")))
        .isEqualTo(StoreErrorClassifier.Outcome.RETRY_THEN_ISOLATE);
  }

  @Test
  void recordsThatCanNeverBeStoredAreDeadLettered() {
    assertThat(StoreErrorClassifier.classify(new EventDecodingException(EnrichedArticle.class, "bad", null)))
        .isEqualTo(StoreErrorClassifier.Outcome.DEAD_LETTER);
    MongoWriteException tooLarge = new MongoWriteException(new WriteError(10334, "BSONObj size is invalid", new BsonDocument()),
        new ServerAddress(), java.util.Set.of());
    assertThat(StoreErrorClassifier.classify(tooLarge)).isEqualTo(StoreErrorClassifier.Outcome.DEAD_LETTER);
  }
}
