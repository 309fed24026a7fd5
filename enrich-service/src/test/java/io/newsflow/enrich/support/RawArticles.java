package io.newsflow.enrich.support;

import io.newsflow.model.article.ArticleIds;
import io.newsflow.model.article.ChangeKind;
import io.newsflow.model.article.RawArticle;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Raw articles as ingest-service would publish them. */
public final class RawArticles {

  private RawArticles() {}

  public static RawArticle article(String url, String source, String title, String text, Instant publishedAt) {
    return revision(url, source, title, text, publishedAt, 1);
  }

  public static RawArticle revision(String url, String source, String title, String text, Instant publishedAt, int revision) {
    Instant fetched = publishedAt.plusSeconds(600);
    return new RawArticle(UUID.randomUUID().toString(), RawArticle.SCHEMA_VERSION, fetched, ArticleIds.fromUrl(url), revision,
        revision == 1 ? ChangeKind.NEW : ChangeKind.UPDATED, "f-" + Integer.toHexString(source.hashCode()),
        "https://" + source + "/rss", source, url, url, title, null, text, null, List.of(), publishedAt, null, fetched,
        "en", null, ArticleIds.contentHash(text), Map.of(), List.of());
  }
}
