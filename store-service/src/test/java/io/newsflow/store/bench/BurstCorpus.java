package io.newsflow.store.bench;

import io.newsflow.model.article.ActorTag;
import io.newsflow.model.article.ArticleIds;
import io.newsflow.model.article.DatePrecision;
import io.newsflow.model.article.DatedEvent;
import io.newsflow.model.article.Dedupe;
import io.newsflow.model.article.EnrichedArticle;
import io.newsflow.model.article.RawArticle;
import io.newsflow.model.article.Span;
import io.newsflow.model.article.ThemeTag;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
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
  /**
   * Dated events per article, or 0 to keep the synthetic corpus's one event in a third of the articles
   * ({@code newsflow.burst.eventsPerArticle}; the end-to-end corpus's enriched articles carry ~11.8).
   */
  private final int eventsPerArticle = Integer.getInteger("newsflow.burst.eventsPerArticle", 0);

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
    List<ActorTag> actors = actorsPerArticle > 0 ? manyActors(n) : e.actors();
    List<DatedEvent> events = eventsPerArticle > 0
        ? manyEvents(n, r.publishedAt(), actors, e.themes()) : e.events();
    return new EnrichedArticle(e.eventId(), e.schemaVersion(), e.occurredAt(), id, raw, dedupe,
        actors, e.themes(), events, e.gazetteerVersion(), e.taxonomyVersion());
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

  /** Sentences the end-to-end corpus's events come from: {0} and {1} are actors, {2} the date expression. */
  private static final String[] SENTENCES = {
      "{0} and {1} signed a memorandum on rail transit {2}, officials said.",
      "Troops from {0} joined the drills near the border {2} alongside units from {1}.",
      "{0} said {2} that talks with {1} on gas volumes had stalled over the price formula.",
      "Protesters gathered outside the akimat {2}; {0} blamed the unrest on groups backed from {1}.",
      "A delegation of {0} arrived in Astana {2} to discuss water quotas with {1}.",
      "{2}, {0} announced new export duties that traders in {1} called a breach of the customs union rules.",
      "The summit of {0} and {1} held {2} ended without a joint statement.",
      "{0} recalled that peacekeepers from {1} had been deployed {2} at the president's request."};

  /**
   * {@code eventsPerArticle} dated events, each naming 1-3 of the article's actors and 0-2 of its themes, spread
   * like news dates: most within three weeks before publication, some in the year before, a few years back
   * (anniversaries, history) and a few ahead (announced visits), at day, month or year precision.
   */
  private List<DatedEvent> manyEvents(int n, Instant published, List<ActorTag> actors, List<ThemeTag> themes) {
    Random random = new Random(n * 131L + 11);
    LocalDate day = LocalDate.ofInstant(published, ZoneOffset.UTC);
    List<DatedEvent> events = new ArrayList<>(eventsPerArticle);
    for (int i = 0; i < eventsPerArticle; i++) {
      double where = random.nextDouble();
      LocalDate start = where < 0.70 ? day.minusDays(random.nextInt(22))
          : where < 0.85 ? day.minusDays(22 + random.nextInt(343))
          : where < 0.95 ? day.minusYears(2 + random.nextInt(33)).minusDays(random.nextInt(365))
          : day.plusDays(1 + random.nextInt(60));
      double kind = random.nextDouble();
      DatePrecision precision = kind < 0.8 ? DatePrecision.DAY
          : kind < 0.95 ? DatePrecision.MONTH : DatePrecision.YEAR;
      LocalDate end = start;
      String expression = "on " + start.getDayOfMonth() + " " + month(start) + " " + start.getYear();
      if (precision == DatePrecision.MONTH) {
        start = start.withDayOfMonth(1);
        end = start.plusMonths(1).minusDays(1);
        expression = "in " + month(start) + " " + start.getYear();
      } else if (precision == DatePrecision.YEAR) {
        start = start.withDayOfYear(1);
        end = start.plusYears(1).minusDays(1);
        expression = "in " + start.getYear();
      } else if (start.equals(day.minusDays(1))) {
        expression = "yesterday";
      }
      List<String> named = new ArrayList<>(new LinkedHashSet<>(List.of(
          actors.get(random.nextInt(actors.size())).actorId(), actors.get(random.nextInt(actors.size())).actorId(),
          actors.get(random.nextInt(actors.size())).actorId())).stream().limit(1 + random.nextInt(3)).toList());
      List<String> themeIds = themes.stream().map(ThemeTag::themeId).filter(t -> random.nextInt(3) > 0)
          .limit(random.nextInt(3)).toList();
      // plain replace: MessageFormat would read the apostrophe of "president's" as a quote
      String sentence = SENTENCES[random.nextInt(SENTENCES.length)].replace("{0}", named.getFirst())
          .replace("{1}", named.get(named.size() - 1)).replace("{2}", expression);
      events.add(new DatedEvent(start, end, precision, expression, sentence, 200 + 180 * i, named, themeIds));
    }
    return events;
  }

  private static String month(LocalDate d) {
    return d.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
  }
}
