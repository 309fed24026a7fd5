package io.newsflow.e2e.faults;

import io.newsflow.model.article.ArticleIds;
import io.newsflow.model.article.ChangeKind;
import io.newsflow.model.article.RawArticle;
import io.newsflow.model.feed.FeedIds;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Numbered articles of one run, each with its own text: sentences drawn at random (seeded by the number)
 * from Central Asian news vocabulary, so that no two are near-duplicates of each other and each is
 * tagged with a few actors. Article {@code n} of run {@code r} has the URL {@code .../r/n}.
 */
final class SyntheticArticles {

  private static final String[] SUBJECTS = {
      "Kazakhstan", "Russia", "China", "Uzbekistan", "Kyrgyzstan", "the CSTO", "NATO", "the SCO", "the EAEU",
      "Tokayev", "Putin", "Xi Jinping", "the European Union", "Turkey", "Azerbaijan", "Tajikistan", "Mongolia"};
  private static final String[] VERBS = {
      "announced", "postponed", "hosted", "criticised", "signed", "reviewed", "expanded", "suspended",
      "welcomed", "questioned", "financed", "inspected", "opened", "delayed", "proposed", "rejected"};
  private static final String[] OBJECTS = {
      "joint military exercises near Almaty", "a pipeline expansion through the Caspian", "new grain export quotas",
      "a peacekeeping rotation", "railway freight tariffs on the Middle Corridor", "a uranium supply contract",
      "border demarcation talks", "a customs union dispute", "drone deliveries to the border guard",
      "an energy transit agreement", "the Aktau port upgrade", "a water-sharing plan for the Syr Darya",
      "air defence drills at the Sary-Shagan range", "an electricity swap with Kyrgyzstan", "coal shipments to Europe",
      "a visa-free regime for tourists", "a nuclear power plant tender", "sanctions compliance checks on banks"};
  private static final String[] CLOSERS = {
      "officials said on Tuesday", "according to the ministry", "in a statement published late on Friday",
      "a spokesman told reporters in Astana", "diplomats familiar with the talks said", "state media reported",
      "analysts in Bishkek noted", "the agency said without giving figures", "two people briefed on the matter said"};

  private final String run;
  private final String feedUrl;
  private final String feedId;

  SyntheticArticles(String run) {
    this.run = run;
    this.feedUrl = "http://faults.newsflow.invalid/" + run + "/feed.xml";
    this.feedId = FeedIds.fromUrl(feedUrl);
  }

  String feedId() {
    return feedId;
  }

  String url(int n) {
    return "http://faults.newsflow.invalid/" + run + "/article/" + n;
  }

  String id(int n) {
    return ArticleIds.fromUrl(url(n));
  }

  /** Ids of articles 0 to {@code n - 1}. */
  List<String> idsUpTo(int n) {
    List<String> ids = new java.util.ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      ids.add(id(i));
    }
    return ids;
  }

  String title(int n) {
    return "Fault run " + run + " article " + n;
  }

  /** About 140 words of text unique to article {@code n}. */
  static String text(String run, int n) {
    Random random = new Random(31L * run.hashCode() + n);
    StringBuilder text = new StringBuilder();
    for (int s = 0; s < 8; s++) {
      text.append(pick(random, SUBJECTS)).append(' ').append(pick(random, VERBS)).append(' ')
          .append(pick(random, OBJECTS)).append(" worth ").append(10 + random.nextInt(990)).append(" million tenge, ")
          .append(pick(random, CLOSERS)).append(" (item ").append(n).append(", note ").append(random.nextInt(100_000))
          .append("). ");
    }
    return text.toString().strip();
  }

  RawArticle article(int n) {
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    String text = text(run, n);
    return new RawArticle(UUID.randomUUID().toString(), RawArticle.SCHEMA_VERSION, now, id(n), 1, ChangeKind.NEW,
        feedId, feedUrl, "Fault Wire " + run, url(n), url(n), title(n), null, text, null, List.of(),
        now.minus(n, ChronoUnit.MINUTES), null, now, "en", null, ArticleIds.contentHash(text), Map.of(), List.of());
  }

  private static String pick(Random random, String[] words) {
    return words[random.nextInt(words.length)];
  }
}
