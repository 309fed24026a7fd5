package io.newsflow.enrich.pipeline;

import io.newsflow.model.article.RawArticle;
import java.util.regex.Pattern;

/**
 * Contract checks the record constructor cannot make: what a wrong producer could still send. The
 * key check matters for dedupe: records of one article must share a partition to be judged in order.
 */
final class RawArticleValidator {

  /** Far above any real article; bigger texts are extraction accidents (a whole site's HTML). */
  static final int MAX_TEXT_CHARS = 2_000_000;

  private static final Pattern ARTICLE_ID = Pattern.compile("[0-9a-f]{32}");

  private RawArticleValidator() {}

  static void check(String key, RawArticle raw) {
    String id = raw.articleId();
    if (raw.schemaVersion() != RawArticle.SCHEMA_VERSION) {
      throw new InvalidArticleException(id, "schemaVersion", "expected " + RawArticle.SCHEMA_VERSION + ", was " + raw.schemaVersion());
    }
    if (!ARTICLE_ID.matcher(id).matches()) {
      throw new InvalidArticleException(id, "articleId", "not 32 lower-case hex digits");
    }
    if (!id.equals(key)) {
      throw new InvalidArticleException(id, "key", "record key " + key + " differs from the article id");
    }
    if (raw.title().isBlank() && raw.text().isBlank()) {
      throw new InvalidArticleException(id, "text", "title and text are both empty");
    }
    if (raw.text().length() > MAX_TEXT_CHARS) {
      throw new InvalidArticleException(id, "text", raw.text().length() + " characters, more than " + MAX_TEXT_CHARS);
    }
  }
}
