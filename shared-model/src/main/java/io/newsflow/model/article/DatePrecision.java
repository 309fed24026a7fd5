package io.newsflow.model.article;

/** How precisely a dated statement names its date. */
public enum DatePrecision {
  DAY,
  MONTH,
  YEAR
}
