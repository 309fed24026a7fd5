package io.newsflow.ingest.feed;

/**
 * A registration that cannot be accepted: invalid input or a URL that is refused.
 *
 * @see io.newsflow.ingest.http.FailureCategory for the category codes; {@code invalid} for bad input
 */
public class InvalidFeedException extends RuntimeException {

  private final String url;
  private final String category;

  public InvalidFeedException(String url, String category, String detail) {
    super("feed refused: category=" + category + " url=" + url + ": " + detail);
    this.url = url;
    this.category = category;
  }

  public String url() {
    return url;
  }

  public String category() {
    return category;
  }
}
