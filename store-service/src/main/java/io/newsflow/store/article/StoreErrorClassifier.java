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
 * The one place that decides what happens to a failure: retry the batch later for as long as it takes (the
 * database is unreachable, busy or electing; the dead-letter topic did not take a record), retry it a few
 * times and then isolate the article that fails (another writer raced us, or a failure nobody foresaw), or
 * dead-letter the record (it can never be stored). Walks the cause chain so a wrapped driver exception is
 * classified by its origin. {@link ArticleBatchConsumer} acts on the outcome.
 */
public final class StoreErrorClassifier {

  public enum Outcome {
    /** An outage: the batch is retried with back-off until it is stored. */
    RETRY,
    /** A race or an unforeseen failure: retried like an outage, then written one article at a time, and an article
     *  that keeps failing is dead-lettered with the failure. */
    RETRY_THEN_ISOLATE,
    /** The record can never be stored: dead-lettered with the reason. */
    DEAD_LETTER
  }

  private StoreErrorClassifier() {}

  public static Outcome classify(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof EventDecodingException || t instanceof IllegalArgumentException) {
        return Outcome.DEAD_LETTER;
      }
      if (t instanceof ConcurrentUpdateException) {
        // two store instances writing one article clear up on the next attempt; one that never does is a bug
        return Outcome.RETRY_THEN_ISOLATE;
      }
      if (t instanceof DeadLetters.DeadLetterFailedException || t instanceof MongoSocketException
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
    // an unknown failure may be an outage nobody listed, so it is retried first; but if it stays, it is a bug that one
    // article trips over, and that article is dead-lettered (kept, with the failure) rather than stopping the store
    return Outcome.RETRY_THEN_ISOLATE;
  }

  /** Whether the batch is retried at least once (an outage, a race, or an unforeseen failure). */
  public static boolean isRetryable(Throwable failure) {
    return classify(failure) != Outcome.DEAD_LETTER;
  }
}
