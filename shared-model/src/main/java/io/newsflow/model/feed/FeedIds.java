package io.newsflow.model.feed;

import io.newsflow.model.article.ArticleIds;
import io.newsflow.model.article.CanonicalUrl;

/** Feed ids: derived from the normalised feed URL, so registering one feed twice yields one id. */
public final class FeedIds {

  private FeedIds() {}

  public static String fromUrl(String feedUrl) {
    return "f-" + ArticleIds.sha256Hex(CanonicalUrl.normalise(feedUrl)).substring(0, 16);
  }
}
