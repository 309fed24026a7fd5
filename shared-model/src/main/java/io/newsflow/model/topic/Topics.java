package io.newsflow.model.topic;

import io.newsflow.model.article.EnrichedArticle;
import io.newsflow.model.article.RawArticle;
import io.newsflow.model.feed.FeedChanged;
import java.util.List;

/**
 * Every topic newsflow publishes: its name, key and event type. Services use these constants and
 * never spell a topic name themselves.
 */
public final class Topics {

  /** Feed lifecycle events from ingest-service, keyed by feed id; compacted. */
  public static final Topic<FeedChanged> FEEDS = new Topic<>(
      "newsflow.feeds.v1", "feedId", FeedChanged.class, "schemas/feed-changed.v1.json",
      "newsflow.feeds.v1.dlt", true);

  /** Raw fetched-and-extracted articles from ingest-service, keyed by article id. */
  public static final Topic<RawArticle> RAW_ARTICLES = new Topic<>(
      "newsflow.articles.raw.v1", "articleId", RawArticle.class, "schemas/raw-article.v1.json",
      "newsflow.articles.raw.v1.dlt", false);

  /** De-duplicated, tagged articles from enrich-service, keyed by article id. */
  public static final Topic<EnrichedArticle> ENRICHED_ARTICLES = new Topic<>(
      "newsflow.articles.enriched.v1", "articleId", EnrichedArticle.class, "schemas/enriched-article.v1.json",
      "newsflow.articles.enriched.v1.dlt", false);

  /** Every topic, in pipeline order. */
  public static final List<Topic<?>> ALL = List.of(FEEDS, RAW_ARTICLES, ENRICHED_ARTICLES);

  /** Dead-letter record headers: why a record was dead-lettered and where it came from. */
  public static final class DeadLetterHeaders {
    public static final String REASON = "newsflow.dlt.reason";
    public static final String EXCEPTION = "newsflow.dlt.exception";
    public static final String ORIGINAL_TOPIC = "newsflow.dlt.original-topic";
    public static final String ORIGINAL_PARTITION = "newsflow.dlt.original-partition";
    public static final String ORIGINAL_OFFSET = "newsflow.dlt.original-offset";
    public static final String SERVICE = "newsflow.dlt.service";

    private DeadLetterHeaders() {}
  }

  private Topics() {}
}
