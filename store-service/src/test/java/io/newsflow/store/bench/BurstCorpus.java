package io.newsflow.store.bench;

import io.newsflow.model.article.ArticleIds;
import io.newsflow.model.article.Dedupe;
import io.newsflow.model.article.EnrichedArticle;
import io.newsflow.model.article.RawArticle;
import io.newsflow.model.article.ActorTag;
import io.newsflow.model.article.Span;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * The end-to-end run's shape (bench/e2e): every article published in one hour, spread over many feeds. Same
 * articles as {@link SyntheticCorpus} (actors, themes, ~5 KB, 2 % duplicates, events), moved to {@code feeds}
 * feeds and into the hour starting at {@code hour}: article n of N is published at about hour + n·(50 min / N).
 */
final class BurstCorpus {

  /**
   * Actors of the end-to-end corpus's vocabulary (bench/e2e Words: states, leaders, organisations), for articles
   * that name many of them: its 3-5 KB articles have 20-30 sentences, each with its own actor.
   */
  static final String[] MANY_ACTORS = {"KAZ", "RUS", "CHN", "UZB", "KGZ", "TJK", "TKM", "MNG", "AZE", "TUR", "IRN", "AFG",
      "USA", "IND", "PAK", "ARM", "BLR", "GEO", "JPN", "KOR", "DEU", "FRA", "person.tokayev", "person.putin", "person.xi",
      "person.mirziyoyev", "person.japarov", "person.rahmon", "person.berdimuhamedov", "person.erdogan", "person.lavrov",
      "person.wang-yi", "person.bektenov", "person.zhaksylykov", "person.aliyev", "person.lukashenko", "person.pashinyan",
      "person.modi", "person.von-der-leyen", "person.kallas", "person.nurtleu", "person.nazarbayev", "person.massimov",
      "person.shoigu", "org.csto", "org.nato", "org.sco", "org.eaeu", "org.cis", "org.ots", "org.cica", "EU", "org.un",
      "org.osce", "proj.cpc", "co.kazmunaygas", "co.gazprom", "co.cnpc", "co.rosatom", "co.kazatomprom", "org.adb",
      "org.imf", "org.world-bank", "org.csto-crrf"};

  private final SyntheticCorpus articles;
  private final int feeds;
  /** Actors per article, or 0 to keep the synthetic corpus's 2-4 ({@code newsflow.burst.actorsPerArticle}). */
  private final int actorsPerArticle = Integer.getInteger("newsflow.burst.actorsPerArticle", 0);

  BurstCorpus(Instant hour, int count, int feeds) {
    // SyntheticCorpus adds up to 10 minutes to each time: 50 minutes of steps keep every article in the hour
    this.articles = new SyntheticCorpus(42, hour, Duration.ofMinutes(50).dividedBy(Math.max(1, count)));
    this.feeds = feeds;
  }

  BurstCorpus skipTo(int n) {
    articles.skipTo(n);
    return this;
  }

  EnrichedArticle next(int n) {
    EnrichedArticle e = articles.next();
    RawArticle r = e.article();
    String feed = "f-" + (n % feeds);
    String url = "https://news" + (n % feeds) + ".example/burst/story-" + n;
    String id = ArticleIds.fromUrl(url);
    RawArticle raw = new RawArticle(r.eventId(), r.schemaVersion(), r.occurredAt(), id, r.revision(), r.change(), feed,
        "https://news" + (n % feeds) + ".example/rss", "News " + (n % feeds), url, url, r.title(), r.summary(), r.text(),
        r.html(), r.authors(), r.publishedAt(), r.modifiedAt(), r.fetchedAt(), r.language(), r.imageUrl(), r.contentHash(),
        r.provenance(), r.flags());
    Dedupe d = e.dedupe();
    Dedupe dedupe = d.duplicateOf() == null ? d
        : new Dedupe(d.verdict(), ArticleIds.fromUrl("https://news" + ((n - 7) % feeds) + ".example/burst/story-" + (n - 7)),
            d.similarity(), d.storyId(), d.contentHash());
    return new EnrichedArticle(e.eventId(), e.schemaVersion(), e.occurredAt(), id, raw, dedupe,
        actorsPerArticle > 0 ? manyActors(n) : e.actors(), e.themes(), e.events(), e.gazetteerVersion(), e.taxonomyVersion());
  }

  /** {@code actorsPerArticle} distinct actors, Kazakhstan, Russia and China more often than the rest. */
  private List<ActorTag> manyActors(int n) {
    Random random = new Random(n * 31L + 7);
    Set<String> ids = new LinkedHashSet<>();
    while (ids.size() < Math.min(actorsPerArticle, MANY_ACTORS.length)) {
      ids.add(MANY_ACTORS[random.nextDouble() < 0.3 ? random.nextInt(3) : random.nextInt(MANY_ACTORS.length)]);
    }
    List<ActorTag> tags = new ArrayList<>();
    for (String id : ids) {
      tags.add(new ActorTag(id, id, id.contains(".") ? "ORGANISATION" : "STATE", 2, 40 + 10 * tags.size(), false, false,
          Math.max(0.05, 0.9 - 0.05 * tags.size()), List.of(new Span("text", 40, 40 + id.length(), id))));
    }
    return tags;
  }
}
