package io.newsflow.model;

import io.newsflow.model.article.ActorTag;
import io.newsflow.model.article.ArticleIds;
import io.newsflow.model.article.ChangeKind;
import io.newsflow.model.article.DatePrecision;
import io.newsflow.model.article.DatedEvent;
import io.newsflow.model.article.Dedupe;
import io.newsflow.model.article.DedupeVerdict;
import io.newsflow.model.article.EnrichedArticle;
import io.newsflow.model.article.RawArticle;
import io.newsflow.model.article.Span;
import io.newsflow.model.article.ThemeTag;
import io.newsflow.model.feed.FeedChange;
import io.newsflow.model.feed.FeedChanged;
import io.newsflow.model.feed.FeedDefinition;
import io.newsflow.model.feed.FeedIds;
import io.newsflow.model.feed.FeedState;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Test-data builders for every event, shared with the services through the test-jar. */
public final class SampleEvents {

  public static final String FEED_URL = "https://steppe-herald.example/rss.xml";

  private SampleEvents() {}

  public static RawArticle rawArticle(String url, String title, String text) {
    Instant now = Instant.parse("2024-09-12T08:30:00Z");
    return new RawArticle(
        UUID.randomUUID().toString(), RawArticle.SCHEMA_VERSION, now, ArticleIds.fromUrl(url), 1, ChangeKind.NEW,
        FeedIds.fromUrl(FEED_URL), FEED_URL, "Steppe Herald", url, url, title,
        "A short summary.", text, "<p>" + text + "</p>", List.of("Aigerim Sadykova"),
        now.minusSeconds(3600), null, now, "en", null, ArticleIds.contentHash(text),
        Map.of("publishedAt", "rss:pubDate", "title", "rss:title"), List.of());
  }

  public static RawArticle rawArticle() {
    return rawArticle(
        "https://steppe-herald.example/news/2024/09/csto-drills-almaty?utm_source=rss",
        "CSTO forces open joint drills near Almaty",
        "Troops from Kazakhstan and Russia began CSTO exercises on September 10, 2024.");
  }

  /** Only the fields the schema requires; everything optional left null. */
  public static RawArticle minimalRawArticle() {
    String url = "https://steppe-herald.example/a";
    return new RawArticle(UUID.randomUUID().toString(), 1, Instant.EPOCH, ArticleIds.fromUrl(url), 1, ChangeKind.NEW,
        "f-1", null, null, url, url, "t", null, "x", null, null, null, null, Instant.EPOCH, null, null,
        ArticleIds.contentHash("x"), null, null);
  }

  public static EnrichedArticle enrichedArticle() {
    RawArticle raw = rawArticle();
    Span csto = new Span("title", 0, 4, "CSTO");
    return new EnrichedArticle(
        UUID.randomUUID().toString(), EnrichedArticle.SCHEMA_VERSION, raw.fetchedAt().plusMillis(40), raw.articleId(), raw,
        new Dedupe(DedupeVerdict.NEW, null, 0, "s-" + raw.articleId(), raw.contentHash()),
        List.of(new ActorTag("org.csto", "Collective Security Treaty Organization", "ALLIANCE", 2, 56, true, false, 0.9,
            List.of(csto, new Span("text", 56, 60, "CSTO")))),
        List.of(new ThemeTag("military-exercises", "Military exercises", 2.5, "2024.1",
            List.of(new Span("text", 61, 70, "exercises")))),
        List.of(new DatedEvent(LocalDate.of(2024, 9, 10), LocalDate.of(2024, 9, 10), DatePrecision.DAY,
            "September 10, 2024", raw.text(), 74, List.of("KAZ", "RUS", "org.csto"), List.of("military-exercises"))),
        "2024.1", "2024.1");
  }

  public static FeedChanged feedChanged() {
    return new FeedChanged(UUID.randomUUID().toString(), FeedChanged.SCHEMA_VERSION, Instant.parse("2024-09-12T08:00:00Z"),
        FeedChange.REGISTERED,
        new FeedDefinition(FeedIds.fromUrl(FEED_URL), FEED_URL, "Steppe Herald", "https://steppe-herald.example/",
            List.of("central-asia"), "en", "Asia/Almaty", Duration.ofMinutes(5), Duration.ofHours(6), FeedState.ACTIVE));
  }
}
