package io.newsflow.store;

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
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Builder of enriched articles for the store's tests, with Central Asian security news as content. */
public final class Articles {

  public static final String FEED = "f-steppe-herald";
  private String url = "https://steppe-herald.example/news/2024/09/csto-drills";
  private String title = "CSTO forces open joint drills near Almaty";
  private String text = "Troops from Kazakhstan and Russia began CSTO exercises on September 10, 2024, at the "
      + "Matybulak range, the defence ministry in Astana said. Observers from Kyrgyzstan attended.";
  private Instant publishedAt = Instant.parse("2024-09-12T07:30:00Z");
  private Instant occurredAt = Instant.parse("2024-09-12T08:31:00Z");
  private int revision = 1;
  private String feedId = FEED;
  private String language = "en";
  private final List<ActorTag> actors = new ArrayList<>();
  private final List<ThemeTag> themes = new ArrayList<>();
  private final List<DatedEvent> events = new ArrayList<>();
  private Dedupe dedupe;
  private String storyId;

  public static Articles article(String slug) {
    Articles a = new Articles();
    a.url = "https://steppe-herald.example/news/" + slug;
    return a;
  }

  public Articles title(String v) { title = v; return this; }
  public Articles text(String v) { text = v; return this; }
  public Articles publishedAt(String v) { publishedAt = v == null ? null : Instant.parse(v); return this; }
  public Articles occurredAt(String v) { occurredAt = Instant.parse(v); return this; }
  public Articles revision(int v) { revision = v; return this; }
  public Articles feed(String v) { feedId = v; return this; }
  public Articles language(String v) { language = v; return this; }
  public Articles story(String v) { storyId = v; return this; }

  /** An actor mentioned by its name and by each alias (the surface forms the enricher matched). */
  public Articles actor(String id, String name, String type, double salience, String... aliases) {
    List<Span> spans = new ArrayList<>(List.of(new Span("text", 0, name.length(), name)));
    for (String alias : aliases) {
      spans.add(new Span("text", 40, 40 + alias.length(), alias));
    }
    actors.add(new ActorTag(id, name, type, spans.size(), 10, true, false, salience, spans));
    return this;
  }

  public Articles theme(String id, String label, double score, String evidence) {
    themes.add(new ThemeTag(id, label, score, "2024.1", List.of(new Span("text", 5, 5 + evidence.length(), evidence))));
    return this;
  }

  public Articles event(String date, String sentence, List<String> actorIds, List<String> themeIds) {
    LocalDate d = LocalDate.parse(date);
    events.add(new DatedEvent(d, d, DatePrecision.DAY, date, sentence, 12, actorIds, themeIds));
    return this;
  }

  public Articles duplicateOf(String originalId) {
    dedupe = new Dedupe(DedupeVerdict.DUPLICATE, originalId, 0.97, storyId, ArticleIds.contentHash(text));
    return this;
  }

  public String id() {
    return ArticleIds.fromUrl(url);
  }

  public EnrichedArticle build() {
    String id = id();
    String hash = ArticleIds.contentHash(text);
    RawArticle raw = new RawArticle(UUID.randomUUID().toString(), 1, occurredAt.minusSeconds(30), id, revision,
        revision == 1 ? ChangeKind.NEW : ChangeKind.UPDATED, feedId, "https://steppe-herald.example/rss.xml",
        "Steppe Herald", url, url, title, null, text, "<p>" + text + "</p>", List.of("Aigerim Sadykova"),
        publishedAt, null, occurredAt.minusSeconds(60), language, null, hash, Map.of("publishedAt", "json-ld"), List.of());
    Dedupe d = dedupe != null ? new Dedupe(dedupe.verdict(), dedupe.duplicateOf(), dedupe.similarity(),
        storyId != null ? storyId : "s-" + id, hash)
        : new Dedupe(revision > 1 ? DedupeVerdict.UPDATE : DedupeVerdict.NEW, null, 0, storyId != null ? storyId : "s-" + id, hash);
    return new EnrichedArticle(UUID.randomUUID().toString(), 1, occurredAt, id, raw, d, actors, themes, events,
        "2024.1", "2024.1");
  }
}
