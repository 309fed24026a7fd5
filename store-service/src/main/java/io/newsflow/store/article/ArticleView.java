package io.newsflow.store.article;

import io.newsflow.model.article.ActorTag;
import io.newsflow.model.article.DatedEvent;
import io.newsflow.model.article.Dedupe;
import io.newsflow.model.article.ThemeTag;
import java.time.Instant;
import java.util.List;

/** Everything stored about one article: the enriched article flattened, plus its history and duplicates. */
public record ArticleView(
    String articleId,
    String title,
    String url,
    String canonicalUrl,
    String sourceName,
    String feedId,
    List<String> authors,
    Instant publishedAt,
    Instant modifiedAt,
    Instant fetchedAt,
    String language,
    String summary,
    String text,
    String imageUrl,
    List<ActorTag> actors,
    List<ThemeTag> themes,
    List<DatedEvent> events,
    Dedupe dedupe,
    int revision,
    int versionCount,
    Instant firstSeenAt,
    Instant lastChangedAt,
    List<String> duplicates) {}
