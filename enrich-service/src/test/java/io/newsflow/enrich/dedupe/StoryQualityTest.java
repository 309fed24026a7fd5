package io.newsflow.enrich.dedupe;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.enrich.dedupe.LabelledStories.Article;
import io.newsflow.enrich.dedupe.LabelledStories.Pair;
import io.newsflow.enrich.pipeline.EnrichmentPipeline;
import io.newsflow.enrich.support.RawArticles;
import io.newsflow.enrich.tagging.ArticleTagger;
import io.newsflow.model.article.EnrichedArticle;
import io.newsflow.model.article.RawArticle;
import io.newsflow.model.json.EventJson;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Story grouping on the hand-labelled sets: every article through the real enrichment pipeline (tagger,
 * salient actors, dedupe, stories), one shared index per set, in publication order as a feed would
 * deliver them. Scores the labelled pairs (every pair within a topic) and every other pair that ended up
 * in one story; writes the "Story grouping" section of DEDUPE-REPORT.md and fails below the goals, which
 * hold for both sets together.
 *
 * <p>Goals, precision first: a wrong merge shows another event's articles under a story and hides a story
 * from the timeline, while a missed merge only shows one event twice. Precision at least 0.90: one article
 * put in a wrong story of three costs three false pairs here, so the goal tolerates one such article in
 * the set and not two. Recall at least 0.80 of same-event pairs written by different outlets in their own
 * words: grouping by title and lead cannot link a reaction piece that shares only names with the report
 * (a president's order about a flood, residents' accounts of a gas cut), about one pair in six here.
 */
class StoryQualityTest {

  static final double PRECISION_GOAL = 0.90;
  static final double RECALL_GOAL = 0.80;
  static final String SECTION = "## Story grouping";

  /** Pair counts and mistakes of one labelled set. */
  record Result(String name, int articles, int events, int pairs, int samePairs, int tp, int fp, int fn, int tn,
                int crossTopic, List<String> mistakes) {
    double precision() {
      return tp + fp + crossTopic == 0 ? 1 : tp / (double) (tp + fp + crossTopic);
    }

    double recall() {
      return tp + fn == 0 ? 1 : tp / (double) (tp + fn);
    }

    Result plus(Result o) {
      List<String> all = new ArrayList<>(mistakes);
      all.addAll(o.mistakes);
      return new Result("both", articles + o.articles, events + o.events, pairs + o.pairs, samePairs + o.samePairs,
          tp + o.tp, fp + o.fp, fn + o.fn, tn + o.tn, crossTopic + o.crossTopic, all);
    }
  }

  @Test
  void groupsOneEventsReportsAndKeepsSameTopicEventsApart() throws Exception {
    Result tuning = score("tuning set", LabelledStories.RESOURCE);
    Result fresh = score("fresh set", LabelledStories.FRESH);
    Result both = tuning.plus(fresh);
    assertThat(both.pairs()).isGreaterThanOrEqualTo(100);
    writeReport(tuning, fresh, both);

    assertThat(both.precision()).as("story precision").isGreaterThanOrEqualTo(PRECISION_GOAL);
    assertThat(both.recall()).as("story recall").isGreaterThanOrEqualTo(RECALL_GOAL);
  }

  static Result score(String name, String resource) throws Exception {
    List<Article> articles = new ArrayList<>(LabelledStories.articles(resource));
    articles.sort(Comparator.comparing(Article::published));
    List<Pair> pairs = LabelledStories.pairs(articles);
    Map<String, String> storyOf = storiesThroughThePipeline(articles);
    int tp = 0;
    int fp = 0;
    int fn = 0;
    int tn = 0;
    List<String> mistakes = new ArrayList<>();
    for (Pair p : pairs) {
      boolean together = storyOf.get(p.a().id()).equals(storyOf.get(p.b().id()));
      if (together && p.sameStory()) {
        tp++;
      } else if (together) {
        fp++;
        mistakes.add("| " + name + " | merged | " + p.a().id() + " | " + p.b().id() + " | " + p.a().event() + " / "
            + p.b().event() + " |");
      } else if (p.sameStory()) {
        fn++;
        mistakes.add("| " + name + " | split | " + p.a().id() + " | " + p.b().id() + " | " + p.a().event() + " |");
      } else {
        tn++;
      }
    }
    // a merge across topics is a mistake too, though no labelled pair names it
    int crossTopic = 0;
    for (int i = 0; i < articles.size(); i++) {
      for (int j = i + 1; j < articles.size(); j++) {
        Article a = articles.get(i);
        Article b = articles.get(j);
        if (!a.topic().equals(b.topic()) && storyOf.get(a.id()).equals(storyOf.get(b.id()))) {
          crossTopic++;
          mistakes.add("| " + name + " | merged across topics | " + a.id() + " | " + b.id() + " | " + a.event()
              + " / " + b.event() + " |");
        }
      }
    }
    int same = (int) pairs.stream().filter(Pair::sameStory).count();
    int events = (int) articles.stream().map(Article::event).distinct().count();
    return new Result(name, articles.size(), events, pairs.size(), same, tp, fp, fn, tn, crossTopic, mistakes);
  }

  private static Map<String, String> storiesThroughThePipeline(List<Article> articles) {
    EnrichmentPipeline pipeline = new EnrichmentPipeline(ArticleTagger.loadDefault(),
        new Deduplicator(DedupeSettings.DEFAULTS, "story-quality", SignatureSink.NONE),
        Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));
    Map<String, String> storyOf = new HashMap<>();
    int offset = 0;
    for (Article a : articles) {
      RawArticle raw = RawArticles.article("https://" + a.outlet() + ".example/" + a.id(), a.outlet() + ".example",
          a.title(), a.text(), a.published());
      EnrichedArticle enriched = pipeline.enrich(raw.articleId(), EventJson.toBytes(raw), "raw-0@" + offset++)
          .orElseThrow();
      storyOf.put(a.id(), enriched.dedupe().storyId());
    }
    return storyOf;
  }

  private static String row(Result r) {
    return String.format(Locale.ROOT, "| %s | %d | %d | %d (%d same story) | %.3f (%d right, %d wrong, %d across topics)"
            + " | %.3f (%d of %d, %d split) | %d of %d |", r.name(), r.articles(), r.events(), r.pairs(), r.samePairs(),
        r.precision(), r.tp(), r.fp(), r.crossTopic(), r.recall(), r.tp(), r.tp() + r.fn(), r.fn(), r.tn(),
        r.tn() + r.fp());
  }

  private static void writeReport(Result tuning, Result fresh, Result both) throws Exception {
    List<String> section = new ArrayList<>(List.of(
        SECTION,
        "",
        "Written by `StoryQualityTest` — regenerate with",
        "`./mvnw -q -pl enrich-service test -Dtest=StoryQualityTest` (it fails below the goals, on both sets together).",
        "",
        "Labelled sets, written for newsflow (rules in the header of `src/test/resources/stories/labelled-stories.txt`):"
            + " each event reported by one to three outlets in their own words. Scored pairs: every pair within a topic"
            + " (same story, or a hard negative: the same kind of event a year apart, a follow-up weeks later, another"
            + " event with the same actors in the same days), plus any merge across topics. Each set goes through one"
            + " `EnrichmentPipeline` (tagger, salient actors, dedupe, stories) in publication order, from a cold index.",
        "The tuning set chose `StoryClusterer`'s constants; the fresh set was written after that and never used to"
            + " choose them.",
        "",
        "| set | articles | events | labelled pairs | pairwise precision | pairwise recall | hard negatives kept apart |",
        "|---|---|---|---|---|---|---|",
        row(tuning),
        row(fresh),
        row(both),
        "",
        String.format(Locale.ROOT, "Goals (both sets): precision ≥ %.2f, recall ≥ %.2f. Precision comes first: a wrong"
            + " merge shows another event's articles under a story and hides a story from the timeline, a missed merge"
            + " only shows one event twice. One article put into a wrong story of three costs three false pairs here,"
            + " so the precision goal tolerates one such article and not two. Recall is lower by design: grouping by"
            + " title and lead cannot link a reaction piece that shares only names with the report.", PRECISION_GOAL,
            RECALL_GOAL),
        "",
        "Mistakes:",
        "",
        "| set | kind | a | b | event |",
        "|---|---|---|---|---|"));
    section.addAll(both.mistakes().isEmpty() ? List.of("| none | | | | |") : both.mistakes());
    Path report = Path.of(System.getProperty("dedupe.report", "DEDUPE-REPORT.md"));
    List<String> lines = Files.exists(report) ? new ArrayList<>(Files.readAllLines(report, StandardCharsets.UTF_8))
        : new ArrayList<>();
    int from = lines.indexOf(SECTION);
    if (from >= 0) {
      int to = from + 1;
      while (to < lines.size() && !lines.get(to).startsWith("## ")) {
        to++;
      }
      lines.subList(from, to).clear();
      lines.addAll(from, section);
    } else {
      if (!lines.isEmpty()) {
        lines.add("");
      }
      lines.addAll(section);
    }
    Files.write(report, lines, StandardCharsets.UTF_8);
  }
}
