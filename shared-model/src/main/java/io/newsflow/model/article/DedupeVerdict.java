package io.newsflow.model.article;

/** What dedupe decided about an article. */
public enum DedupeVerdict {
  /** First time this content is seen. */
  NEW,
  /** The same text (or a near copy) was already seen under another article id. */
  DUPLICATE,
  /** The same article id was seen before with different content. */
  UPDATE
}
