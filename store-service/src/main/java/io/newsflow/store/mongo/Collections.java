package io.newsflow.store.mongo;

/** The collections of the store, one place for their names. */
public final class Collections {

  /** One document per article id: the latest enriched version, with history counters. */
  public static final String ARTICLES = "articles";
  /** Time-bucketed article references per timeline key and hour, in pages (the read model of the timeline). */
  public static final String TIMELINE_BUCKETS = "timeline_buckets";
  /**
   * Per article id: its list-view item and the read-model footprint of the version whose read models are
   * complete. Written last, so it is the writer's replay marker and the timeline shows an article only once
   * its article document is readable.
   */
  public static final String TIMELINE_ITEMS = "timeline_items";
  /** Per timeline key and month: how many items each hour holds, and its bucket pages (the timeline's directory). */
  public static final String TIMELINE_MONTHS = "timeline_months";
  /** Per busy timeline key: the list-view items of its newest articles, a cache the timeline's first page reads items from. */
  public static final String TIMELINE_LATEST = "timeline_latest";
  /** Per timeline key: months with items, totals, and the actor's or theme's display fields. */
  public static final String TIMELINE_KEYS = "timeline_keys";
  /** Per story id: the ids of its articles, in pages. */
  public static final String STORIES = "stories";
  /** Per original article id: the ids of articles recorded as its duplicates, in pages. */
  public static final String DUPLICATE_LINKS = "duplicate_links";
  /** Dated events, bucketed per key and event day in pages, for the event timeline; one index per key. */
  public static final String EVENT_BUCKETS = "event_buckets";
  /** Per day: a summary of the actor pairs seen together, with their themes; per {@code all} page: its part. */
  public static final String COOCCURRENCE_DAYS = "cooccurrence_days";

  private Collections() {}
}
