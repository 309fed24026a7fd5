package io.newsflow.model.article;

/** Whether a raw article is seen for the first time or is a changed version of one published before. */
public enum ChangeKind {
  NEW,
  UPDATED
}
