package io.newsflow.ingest.feed;

import io.newsflow.ingest.http.FailureCategory;
import io.newsflow.ingest.http.FetchException;

/** A feed body that is not a feed we can read (malformed XML, refused DTD, not a feed at all). */
public class FeedParseException extends FetchException {

  public FeedParseException(String url, String detail, Throwable cause) {
    super(url, FailureCategory.PARSE, detail, cause);
  }
}
