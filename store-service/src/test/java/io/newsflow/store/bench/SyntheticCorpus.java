package io.newsflow.store.bench;

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
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * A deterministic stream of enriched articles shaped like the Central Asia corpus: a few actors in most
 * articles (Kazakhstan, Russia, China), a long tail of others, one or two themes, ~3 KB of text, about
 * 2% duplicates, published in time order as feeds deliver them.
 */
final class SyntheticCorpus {

  static final String[][] ACTORS = {
      {"KAZ", "Kazakhstan", "STATE"}, {"RUS", "Russia", "STATE"}, {"CHN", "China", "STATE"}, {"USA", "United States", "STATE"},
      {"KGZ", "Kyrgyzstan", "STATE"}, {"UZB", "Uzbekistan", "STATE"}, {"TJK", "Tajikistan", "STATE"}, {"TKM", "Turkmenistan", "STATE"},
      {"TUR", "Turkey", "STATE"}, {"EU", "European Union", "ORGANISATION"}, {"org.csto", "CSTO", "ALLIANCE"},
      {"org.nato", "NATO", "ALLIANCE"}, {"org.sco", "Shanghai Cooperation Organisation", "ALLIANCE"},
      {"org.eaeu", "Eurasian Economic Union", "ORGANISATION"}, {"person.tokayev", "Kassym-Jomart Tokayev", "PERSON"},
      {"person.putin", "Vladimir Putin", "PERSON"}, {"person.xi", "Xi Jinping", "PERSON"}, {"co.kazmunaygas", "KazMunayGas", "COMPANY"},
      {"proj.cpc", "Caspian Pipeline Consortium", "PROJECT"}, {"proj.bri", "Belt and Road Initiative", "PROJECT"},
      {"AFG", "Afghanistan", "STATE"}, {"IRN", "Iran", "STATE"}, {"AZE", "Azerbaijan", "STATE"}, {"GEO", "Georgia", "STATE"},
      {"UKR", "Ukraine", "STATE"}, {"BLR", "Belarus", "STATE"}, {"ARM", "Armenia", "STATE"}, {"MNG", "Mongolia", "STATE"},
      {"IND", "India", "STATE"}, {"PAK", "Pakistan", "STATE"}};
  static final String[][] THEMES = {
      {"military-exercises", "Military exercises", "joint exercises"}, {"alliance-politics", "Alliance politics", "summit"},
      {"peacekeeping", "Peacekeeping", "peacekeepers"}, {"unrest", "Unrest", "protests"},
      {"energy-transit", "Energy transit", "pipeline"}, {"trade", "Trade", "rail freight"},
      {"sanctions", "Sanctions", "secondary sanctions"}, {"border-security", "Border security", "border guards"},
      {"elections", "Elections", "referendum"}, {"water", "Water", "reservoir"}, {"migration", "Migration", "labour migrants"},
      {"nuclear", "Nuclear", "uranium"}};
  static final String PARAGRAPH = "Officials in Astana said on Tuesday that the talks had covered transit through the "
      + "Caspian, the upkeep of the rail corridor to the Chinese border at Khorgos and the schedule of joint exercises "
      + "planned for the autumn. Analysts in Almaty noted that the government is balancing commitments to Moscow under "
      + "the CSTO and the Eurasian Economic Union against a growing economic reliance on Beijing. ";

  private final long seed;
  private final Instant start;
  private final Duration step;
  private final String text;
  private int next;

  SyntheticCorpus(long seed, Instant start, Duration span, int count) {
    this(seed, start, span.dividedBy(count));
  }

  /** Article n is published at about {@code start + n * step}: a store of any size is a prefix of a larger one. */
  SyntheticCorpus(long seed, Instant start, Duration step) {
    this.seed = seed;
    this.start = start;
    this.step = step;
    // ~4.3 KB of text: with title, tags, evidence and dates an article document is ~5 KB of BSON
    this.text = PARAGRAPH.repeat(11);
  }

  /** Continues the stream at article {@code n} (a seeded store is extended, not rewritten). */
  SyntheticCorpus skipTo(int n) {
    next = n;
    return this;
  }

  EnrichedArticle next() {
    int n = next++;
    // one generator per article: article n is the same whichever article the stream started at
    Random random = new Random(seed * 1_000_003L + n);
    Instant published = start.plus(step.multipliedBy(n)).plusSeconds(random.nextInt(600));
    String url = "https://news" + (n % 30) + ".example/" + published.toString().substring(0, 10) + "/story-" + n;
    String id = ArticleIds.fromUrl(url);
    Set<Integer> actorIdx = new LinkedHashSet<>();
    actorIdx.add(random.nextDouble() < 0.7 ? 0 : random.nextInt(ACTORS.length));
    int extra = 1 + random.nextInt(3);
    for (int i = 0; i < extra; i++) {
      actorIdx.add(random.nextDouble() < 0.5 ? random.nextInt(3) : random.nextInt(ACTORS.length));
    }
    List<ActorTag> actors = new ArrayList<>();
    for (int i : actorIdx) {
      actors.add(new ActorTag(ACTORS[i][0], ACTORS[i][1], ACTORS[i][2], 2, 40, false, false, 0.9 - 0.1 * actors.size(),
          List.of(new Span("text", 40, 40 + ACTORS[i][1].length(), ACTORS[i][1]))));
    }
    List<ThemeTag> themes = new ArrayList<>();
    int firstTheme = random.nextInt(THEMES.length);
    themes.add(theme(firstTheme));
    if (random.nextBoolean()) {
      themes.add(theme((firstTheme + 1 + random.nextInt(THEMES.length - 1)) % THEMES.length));
    }
    String title = ACTORS[actorIdx.iterator().next()][1] + " and " + THEMES[firstTheme][1].toLowerCase() + ": report " + n;
    String hash = ArticleIds.sha256Hex(id);
    RawArticle raw = new RawArticle("e-" + n, 1, published.plusSeconds(900), id, 1, ChangeKind.NEW, "f-" + (n % 30),
        "https://news" + (n % 30) + ".example/rss", "News " + (n % 30), url, url, title, null, text, null,
        List.of("Staff"), published, null, published.plusSeconds(800), n % 10 == 0 ? "ru" : "en", null, hash,
        Map.of(), List.of());
    boolean duplicate = n > 100 && random.nextInt(50) == 0;
    Dedupe dedupe = duplicate
        ? new Dedupe(DedupeVerdict.DUPLICATE, ArticleIds.fromUrl("https://news" + ((n - 7) % 30) + ".example/x/story-" + (n - 7)), 0.96, "s-" + (n / 5), hash)
        : new Dedupe(DedupeVerdict.NEW, null, 0, "s-" + (n / 5), hash);
    List<DatedEvent> events = random.nextInt(3) == 0 ? List.of(new DatedEvent(
        LocalDate.ofInstant(published, ZoneOffset.UTC).minusDays(random.nextInt(400)),
        LocalDate.ofInstant(published, ZoneOffset.UTC).minusDays(random.nextInt(1)), DatePrecision.DAY, "on Tuesday",
        "Officials met on Tuesday.", 30, actors.stream().map(ActorTag::actorId).limit(2).toList(),
        List.of(themes.getFirst().themeId()))) : List.of();
    // the event must not end before it starts: rebuild with end = start when needed
    if (!events.isEmpty() && events.getFirst().end().isBefore(events.getFirst().start())) {
      DatedEvent e = events.getFirst();
      events = List.of(new DatedEvent(e.start(), e.start(), e.precision(), e.expression(), e.sentence(), e.offset(), e.actors(), e.themes()));
    }
    return new EnrichedArticle("x-" + n, 1, published.plusSeconds(960), id, raw, dedupe, actors, themes, events, "b", "b");
  }

  private static ThemeTag theme(int i) {
    return new ThemeTag(THEMES[i][0], THEMES[i][1], 2.0, "b", List.of(new Span("text", 100, 100 + THEMES[i][2].length(), THEMES[i][2])));
  }
}
