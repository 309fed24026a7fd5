package io.newsflow.enrich.pipeline;

/** A raw article that decodes but breaks the contract: never retryable, dead-letter it. */
public class InvalidArticleException extends RuntimeException {

  private final String articleId;
  private final String field;

  public InvalidArticleException(String articleId, String field, String problem) {
    super("invalid raw article: articleId=" + articleId + " field=" + field + ": " + problem);
    this.articleId = articleId;
    this.field = field;
  }

  public String articleId() {
    return articleId;
  }

  public String field() {
    return field;
  }
}
