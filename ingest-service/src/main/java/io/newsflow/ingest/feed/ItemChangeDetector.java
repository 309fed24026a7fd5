package io.newsflow.ingest.feed;

import io.newsflow.model.article.ArticleIds;
import io.newsflow.model.article.ChangeKind;
import io.newsflow.model.article.RawArticle;
import io.newsflow.model.feed.FeedDefinition;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compares a parsed feed with its cursor: items never seen become {@code NEW} articles, seen items
 * whose text changed become {@code UPDATED} with the next revision, everything else is skipped.
 * Items whose feed entry did not change are skipped without fetching their page again.
 */
final class ItemChangeDetector {

  private static final Logger log = LoggerFactory.getLogger(ItemChangeDetector.class);

  /**
   * The articles to publish and the cursor entries to remember once they are acknowledged.
   *
   * @param knownItems items of the document that matched a remembered item (by identity or canonical link),
   *                   changed or not: the overlap with earlier polls, see {@link WindowGaps}
   */
  record Changes(List<RawArticle> articles, List<SeenItem> seen, int knownItems) {}

  private final ArticleAssembler assembler;
  private final Clock clock;

  ItemChangeDetector(ArticleAssembler assembler, Clock clock) {
    this.assembler = assembler;
    this.clock = clock;
  }

  Changes detect(FeedDefinition feed, ParsedFeed parsed, FeedCursor cursor, Instant fetchedAt) {
    List<ParsedItem> items = parsed.items();
    List<String> ids = ItemIdentity.assign(items);
    Map<String, SeenItem> seenById = cursor.byIdentity();
    Map<String, SeenItem> seenByUrl = new HashMap<>();
    for (SeenItem s : cursor.items()) {
      if (s.canonicalUrl() != null) {
        seenByUrl.put(s.canonicalUrl(), s);
      }
    }
    Set<String> done = new HashSet<>();
    List<RawArticle> articles = new ArrayList<>();
    List<SeenItem> seen = new ArrayList<>();
    int known = 0;
    String language = feed.language() != null ? feed.language() : parsed.language();
    String sourceName = sourceName(feed, parsed);
    // feeds list newest first; publish oldest first so consumers see articles in publication order
    for (int i = items.size() - 1; i >= 0; i--) {
      String id = ids.get(i);
      ParsedItem item = items.get(i);
      if (!done.add(id)) {
        continue;
      }
      SeenItem prior = seenById.get(id);
      String canonical = ItemIdentity.canonical(item);
      if (prior == null && canonical != null) {
        prior = seenByUrl.get(canonical); // the GUID changed but the link did not: same item
      }
      if (prior != null) {
        known++;
      }
      String feedHash = ItemIdentity.feedHash(item);
      if (prior != null && prior.feedHash().equals(feedHash)) {
        if (!prior.identity().equals(id)) {
          seen.add(new SeenItem(id, prior.articleId(), prior.canonicalUrl(), feedHash, prior.contentHash(), prior.revision()));
        }
        continue;
      }
      if (item.link() == null) {
        log.info("feed {}: skipping item without a usable link ({})", feed.feedId(), item.title());
        continue;
      }
      try {
        ArticleAssembler.Content content = assembler.assemble(item, language);
        String contentHash = ArticleIds.contentHash(content.text());
        if (prior != null && prior.contentHash().equals(contentHash)) {
          seen.add(new SeenItem(id, prior.articleId(), prior.canonicalUrl(), feedHash, contentHash, prior.revision()));
          continue;
        }
        String articleId = prior != null ? prior.articleId() : ArticleIds.fromUrl(content.canonicalUrl());
        int revision = prior == null ? 1 : prior.revision() + 1;
        articles.add(toRawArticle(feed, sourceName, item, content, articleId, revision, contentHash, fetchedAt));
        seen.add(new SeenItem(id, articleId, content.canonicalUrl(), feedHash, contentHash, revision));
      } catch (RuntimeException e) {
        // not remembered as seen, so the next poll tries this item again
        log.warn("feed {}: skipping item {}: {}", feed.feedId(), item.link(), e.toString());
      }
    }
    return new Changes(articles, seen, known);
  }

  private RawArticle toRawArticle(FeedDefinition feed, String sourceName, ParsedItem item, ArticleAssembler.Content c,
      String articleId, int revision, String contentHash, Instant fetchedAt) {
    String title = c.title() != null ? c.title() : item.link();
    String summary = c.summary(); // the assembler already turned the item's summary into text
    return new RawArticle(UUID.randomUUID().toString(), RawArticle.SCHEMA_VERSION, clock.instant(), articleId, revision,
        revision == 1 ? ChangeKind.NEW : ChangeKind.UPDATED, feed.feedId(), feed.url(),
        c.siteName() != null && feed.title() == null ? c.siteName() : sourceName,
        item.link(), c.canonicalUrl(), title, summary.isEmpty() ? null : summary, c.text(), c.html(), c.authors(),
        c.publishedAt(), c.modifiedAt(), fetchedAt, c.language(), c.imageUrl(), contentHash, c.provenance(), c.flags());
  }

  private static String sourceName(FeedDefinition feed, ParsedFeed parsed) {
    if (feed.title() != null && !feed.title().isBlank()) {
      return feed.title();
    }
    if (parsed.title() != null) {
      return parsed.title();
    }
    return URI.create(feed.url()).getHost();
  }
}
