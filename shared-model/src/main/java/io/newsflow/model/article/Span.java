package io.newsflow.model.article;

/**
 * A piece of evidence: characters {@code [start, end)} of one field of the article.
 *
 * @param field {@code "title"} or {@code "text"}
 * @param start offset of the first character, in UTF-16 code units of that field
 * @param end   offset after the last character
 * @param text  the characters themselves, so a reader needs no copy of the article
 */
public record Span(String field, int start, int end, String text) {

  public Span {
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("bad span [" + start + ", " + end + ")");
    }
  }
}
