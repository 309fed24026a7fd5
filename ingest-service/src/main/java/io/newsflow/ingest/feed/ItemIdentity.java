package io.newsflow.ingest.feed;

import io.newsflow.model.article.ArticleIds;
import io.newsflow.model.article.CanonicalUrl;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Item identity: the GUID, then the canonical link, then a hash of the content. A GUID that the feed
 * repeats for items with different links (feeds that put the site URL in every guid) identifies
 * nothing and is ignored for those items. A GUID that changes while the link stays is handled by the
 * poller, which falls back to the canonical link when the GUID is unknown.
 */
final class ItemIdentity {

  private ItemIdentity() {}

  /** One identity per item, in the items' order. */
  static List<String> assign(List<ParsedItem> items) {
    Map<String, Set<String>> linksByGuid = new HashMap<>();
    for (ParsedItem item : items) {
      if (item.guid() != null) {
        linksByGuid.computeIfAbsent(item.guid(), g -> new HashSet<>()).add(item.link() == null ? "" : item.link());
      }
    }
    List<String> ids = new ArrayList<>(items.size());
    for (ParsedItem item : items) {
      if (item.guid() != null && linksByGuid.get(item.guid()).size() == 1) {
        ids.add("guid:" + item.guid());
      } else if (canonical(item) != null) {
        ids.add("url:" + canonical(item));
      } else {
        ids.add("hash:" + ArticleIds.contentHash(String.join(" ", nz(item.title()), nz(item.summaryHtml()), nz(item.contentHtml()))));
      }
    }
    return ids;
  }

  static String canonical(ParsedItem item) {
    if (item.link() == null) {
      return null;
    }
    try {
      return CanonicalUrl.normalise(item.link());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** What the feed says about the item; when this is unchanged the page is not fetched again. */
  static String feedHash(ParsedItem item) {
    return ArticleIds.sha256Hex(String.join("\u0000", nz(item.title()), nz(item.link()), nz(item.summaryHtml()),
        nz(item.contentHtml()), String.valueOf(item.updatedAt())));
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
