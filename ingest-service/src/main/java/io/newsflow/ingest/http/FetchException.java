package io.newsflow.ingest.http;

import java.time.Duration;

/**
 * A fetch that did not produce a usable response. Carries the category shown in feed health, the
 * HTTP status when there was one, and the server's Retry-After when it asked us to come back later.
 */
public class FetchException extends RuntimeException {

  private final String url;
  private final FailureCategory category;
  private final int status;
  private final Duration retryAfter;

  public FetchException(String url, FailureCategory category, int status, Duration retryAfter, String detail, Throwable cause) {
    super("fetch failed: category=" + category.code() + (status > 0 ? " status=" + status : "") + " url=" + url
        + (detail == null ? "" : ": " + detail), cause);
    this.url = url;
    this.category = category;
    this.status = status;
    this.retryAfter = retryAfter;
  }

  public FetchException(String url, FailureCategory category, String detail, Throwable cause) {
    this(url, category, 0, null, detail, cause);
  }

  public String url() {
    return url;
  }

  public FailureCategory category() {
    return category;
  }

  /** HTTP status, 0 when the failure happened before a status line. */
  public int status() {
    return status;
  }

  /** The delay the server asked for (429/503 with Retry-After), or null. */
  public Duration retryAfter() {
    return retryAfter;
  }
}
