package io.newsflow.enrich.pipeline;

import com.fasterxml.jackson.core.JacksonException;
import io.newsflow.model.json.EventDecodingException;
import java.io.IOException;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.RetriableException;

/**
 * The one place that decides what a failure means, by walking the cause chain: bad input is fatal and
 * goes to the dead-letter topic after one attempt; broker trouble is transient and retried with
 * back-off until the broker is back; anything else (a bug, say) is retried a few times, then
 * dead-lettered, never skipped.
 */
public final class ErrorClassifier {

  /** What happened to a record, as written in the dead-letter reason header. */
  public enum Category {
    UNDECODABLE(false),
    INVALID(false),
    /** The enriched record is larger than the broker accepts: retrying cannot help. */
    TOO_LARGE(false),
    BROKER_UNAVAILABLE(true),
    UNEXPECTED(true);

    private final boolean retryable;

    Category(boolean retryable) {
      this.retryable = retryable;
    }

    public boolean isRetryable() {
      return retryable;
    }

    public String label() {
      return name().toLowerCase().replace('_', '-');
    }
  }

  public Category classify(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof EventDecodingException || t instanceof JacksonException) {
        return Category.UNDECODABLE;
      }
      if (t instanceof InvalidArticleException) {
        return Category.INVALID;
      }
      if (t instanceof RecordTooLargeException) {
        return Category.TOO_LARGE;
      }
      if (t instanceof RetriableException || t instanceof TimeoutException
          || t instanceof org.apache.kafka.common.errors.TimeoutException || t instanceof IOException) {
        return Category.BROKER_UNAVAILABLE;
      }
    }
    return Category.UNEXPECTED;
  }

  public boolean isRetryable(Throwable failure) {
    return classify(failure).isRetryable();
  }

  /** The innermost message of the chain that is not a framework wrapper's, for operators. */
  public String reason(Throwable failure) {
    Throwable deepest = failure;
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof EventDecodingException || t instanceof InvalidArticleException) {
        deepest = t;
        break;
      }
      deepest = t;
    }
    return classify(failure).label() + ": " + deepest.getMessage();
  }

  /** The class of the exception the reason names. */
  public String exceptionClass(Throwable failure) {
    Throwable deepest = failure;
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      deepest = t;
      if (t instanceof EventDecodingException || t instanceof InvalidArticleException) {
        break;
      }
    }
    return deepest.getClass().getName();
  }
}
