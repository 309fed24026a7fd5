package io.newsflow.store.article;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoException;
import com.mongodb.MongoExecutionTimeoutException;
import com.mongodb.MongoNodeIsRecoveringException;
import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.MongoWriteConcernException;
import io.newsflow.model.json.EventDecodingException;
import io.newsflow.store.mongo.ConcurrentUpdateException;

/**
 * The one place that decides what happens to a failure: retry the batch later (the database is
 * unreachable, busy, electing, or another writer raced us) or dead-letter the record (it can never be
 * stored). Walks the cause chain so a wrapped driver exception is classified by its origin.
 */
public final class StoreErrorClassifier {

  public enum Outcome { RETRY, DEAD_LETTER }

  private StoreErrorClassifier() {}

  public static Outcome classify(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof EventDecodingException || t instanceof IllegalArgumentException) {
        return Outcome.DEAD_LETTER;
      }
      if (t instanceof ConcurrentUpdateException || t instanceof MongoSocketException
          || t instanceof MongoTimeoutException || t instanceof MongoNotPrimaryException
          || t instanceof MongoNodeIsRecoveringException || t instanceof MongoWriteConcernException
          || t instanceof MongoExecutionTimeoutException) {
        return Outcome.RETRY;
      }
      if (t instanceof MongoBulkWriteException bulk) {
        // a write concern failure or interrupted batch is transient; a per-document error is not
        return bulk.getWriteConcernError() != null && bulk.getWriteErrors().isEmpty() ? Outcome.RETRY : Outcome.DEAD_LETTER;
      }
      if (t instanceof MongoException m) {
        return m.hasErrorLabel(MongoException.TRANSIENT_TRANSACTION_ERROR_LABEL)
            || m.hasErrorLabel("RetryableWriteError") ? Outcome.RETRY : Outcome.DEAD_LETTER;
      }
    }
    // unknown failures are retried: dropping an article because of a bug we do not understand loses data
    return Outcome.RETRY;
  }

  public static boolean isRetryable(Throwable failure) {
    return classify(failure) == Outcome.RETRY;
  }
}
