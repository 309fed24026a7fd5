package io.newsflow.enrich.tagging;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.model.article.ActorTag;
import io.newsflow.model.article.DatedEvent;
import io.newsflow.model.article.ThemeTag;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Scores the tagger on the hand-labelled articles and writes {@code TAGGING-REPORT.md} in the working
 * directory (the module directory under Maven; override with {@code -Dtagging.report=path}). Fails when
 * a figure falls below its goal: themes on all labelled articles together, actors and event dates on
 * every set on its own (a tagger that only works on the text it was tuned on is not done).
 */
class TaggingEvaluationTest {

  static final double ACTOR_GOAL = 0.95;
  static final double THEME_GOAL = 0.85;
  static final double EVENT_GOAL = 0.85;

  /** The set written after taxonomy 2026.11.27-3 and scored once with it; see the tuning log in the report. */
  static final String FRESH_3 = "tagging/labelled-articles-fresh-3.json";

  /** Written and labelled before the Russian and general changes of taxonomy 2026.11.27-4, scored once with them. */
  static final String FRESH_4 = "tagging/labelled-articles-fresh-4.json";

  /** One labelled file and what it may be used for. */
  record LabelledSet(String name, String resource, String provenance) {}

  /** In the order they were written; each later set was written before the tuning that followed it. */
  static final List<LabelledSet> SETS = List.of(
      new LabelledSet("tuning set", LabelledArticles.RESOURCE,
          "short articles (50-90 words) the taxonomy was first tuned on"),
      new LabelledSet("fresh 1", LabelledArticles.FRESH,
          "written after that tuning; its errors were read in the second tuning"),
      new LabelledSet("held-out 2", LabelledArticles.HELD_OUT,
          "320-380 words, outlets' styles, off-topic negatives; scored before the second tuning (see the tuning"
              + " log), whose general phrase changes its errors then guided"),
      new LabelledSet("fresh 2", LabelledArticles.FRESH_2,
          "320-370 words, written after the second tuning; unseen for taxonomy 2026.11.27-2 (F1 0.625), the relative cut of -3 was chosen on it"),
      new LabelledSet("fresh 3", FRESH_3,
          "320-400 words, 2 in Russian, 3 off-topic; written and labelled after taxonomy 2026.11.27-3, scored once with it"
              + " unchanged (themes F1 0.732); its errors guided taxonomy -4, so it is tuned now"),
      new LabelledSet("fresh 4", FRESH_4,
          "320-400 words, 5 in Russian, 2 off-topic; written and labelled before taxonomy 2026.11.27-4 and gazetteer"
              + " 2026.11.27-3 were tuned, scored once with them (themes F1 0.900): unseen for actors and themes; its Russian"
              + " dates (all missed then) guided the date rules after, so for dates it is tuned"));

  /** Per-field scores of one set. */
  record FieldScores(Scores actors, Scores themes, Scores events) {
    FieldScores() {
      this(new Scores(), new Scores(), new Scores());
    }
  }

  @Test
  void meetsTheQualityGoalsOnTheLabelledArticles() throws Exception {
    ArticleTagger tagger = ArticleTagger.loadDefault();
    FieldScores all = new FieldScores();
    List<FieldScores> perSet = new ArrayList<>();
    List<Integer> sizes = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    for (LabelledSet set : SETS) {
      List<LabelledArticles.Article> articles = LabelledArticles.load(set.resource());
      FieldScores scores = new FieldScores();
      for (LabelledArticles.Article a : articles) {
        score(tagger, a, set.name(), notes, scores, all);
      }
      perSet.add(scores);
      sizes.add(articles.size());
    }
    assertThat(sizes.stream().mapToInt(Integer::intValue).sum()).isGreaterThanOrEqualTo(40);
    writeReport(tagger, all, perSet, sizes, notes);

    assertThat(all.themes().f1()).as("theme F1, all labelled articles").isGreaterThanOrEqualTo(THEME_GOAL);
    for (int i = 0; i < SETS.size(); i++) {
      String name = SETS.get(i).name();
      assertThat(perSet.get(i).actors().f1()).as("actor F1, " + name).isGreaterThanOrEqualTo(ACTOR_GOAL);
      assertThat(perSet.get(i).events().f1()).as("event date F1, " + name).isGreaterThanOrEqualTo(EVENT_GOAL);
    }
  }

  private static void score(ArticleTagger tagger, LabelledArticles.Article a, String set, List<String> notes,
                            FieldScores scores, FieldScores all) {
    Tags tags = tagger.tag(a.title(), a.text(), a.publishedAt());
    Set<String> foundActors = tags.actors().stream().map(ActorTag::actorId).collect(Collectors.toSet());
    Set<String> foundThemes = tags.themes().stream().map(ThemeTag::themeId).collect(Collectors.toSet());
    Set<String> foundEvents = tags.events().stream().map(TaggingEvaluationTest::key).collect(Collectors.toSet());
    Set<String> goldEvents = new HashSet<>();
    a.events().forEach(e -> goldEvents.add(e.start() + ".." + e.end() + " " + e.precision()));
    String id = a.id() + " (" + set + ")";
    note(notes, id, "actors", scores.actors().add(new HashSet<>(a.actors()), foundActors));
    note(notes, id, "themes", scores.themes().add(new HashSet<>(a.themes()), foundThemes));
    note(notes, id, "events", scores.events().add(goldEvents, foundEvents));
    all.actors().add(new HashSet<>(a.actors()), foundActors);
    all.themes().add(new HashSet<>(a.themes()), foundThemes);
    all.events().add(goldEvents, foundEvents);
  }

  private static String key(DatedEvent e) {
    return e.start() + ".." + e.end() + " " + e.precision();
  }

  private static void note(List<String> notes, String id, String field, String note) {
    if (!note.isEmpty()) {
      notes.add("- `" + id + "` " + field + ": " + note);
    }
  }

  private static void writeReport(ArticleTagger tagger, FieldScores all, List<FieldScores> perSet,
                                  List<Integer> sizes, List<String> notes) throws Exception {
    Tags versions = tagger.tag("", "", null);
    int total = sizes.stream().mapToInt(Integer::intValue).sum();
    List<String> lines = new ArrayList<>(List.of(
        "# Tagging quality report",
        "",
        "Generated by `TaggingEvaluationTest`; regenerate with:",
        "",
        "```",
        "./mvnw -q -pl enrich-service test -Dtest=TaggingEvaluationTest",
        "```",
        "",
        "Labelled sets: " + total + " hand-written articles under `src/test/resources/tagging/` (conventions in"
            + " the README beside them). Gazetteer " + versions.gazetteerVersion() + ", taxonomy "
            + versions.taxonomyVersion() + ". Micro-averaged over (article, label) pairs; events are compared as"
            + " (start, end, precision). The test fails when themes F1 on all sets together, or actors or event"
            + " dates F1 on any one set, falls below its goal.",
        "",
        "All " + total + " articles:",
        "",
        "| field | TP | FP | FN | precision | recall | F1 | goal F1 |",
        "|---|---|---|---|---|---|---|---|",
        all.actors().row("actors", ACTOR_GOAL),
        all.themes().row("themes", THEME_GOAL),
        all.events().row("event dates", EVENT_GOAL),
        "",
        "Per set, in the order written:",
        "",
        "| set | file | articles | what | actors F1 | themes P / R / F1 | event dates F1 |",
        "|---|---|---|---|---|---|---|"));
    for (int i = 0; i < SETS.size(); i++) {
      LabelledSet set = SETS.get(i);
      FieldScores s = perSet.get(i);
      lines.add(String.format(java.util.Locale.ROOT, "| %s | `%s` | %d | %s | %.3f | %.3f / %.3f / %.3f | %.3f |",
          set.name(), set.resource().substring(set.resource().indexOf('/') + 1), sizes.get(i), set.provenance(),
          s.actors().f1(), s.themes().precision(), s.themes().recall(), s.themes().f1(), s.events().f1()));
    }
    lines.addAll(List.of(
        "",
        "Caveat: the labelled articles, the gazetteer and the taxonomy were written by engineers of this"
            + " project, so even the unseen sets share their habits; real outlets will score lower.",
        "",
        "## Errors, per article",
        ""));
    lines.addAll(notes.isEmpty() ? List.of("none") : notes);
    Path report = Path.of(System.getProperty("tagging.report", "TAGGING-REPORT.md"));
    lines.addAll(keptSections(report));
    Files.write(report, lines, StandardCharsets.UTF_8);
  }

  /** The hand-written sections after the generated part (from "## Tuning log" or "## Speed" on), kept across runs. */
  private static List<String> keptSections(Path report) throws Exception {
    if (!Files.exists(report)) {
      return List.of();
    }
    List<String> old = Files.readAllLines(report, StandardCharsets.UTF_8);
    int from = old.indexOf("## Tuning log");
    if (from < 0) {
      from = old.indexOf("## Speed");
    }
    List<String> kept = new ArrayList<>();
    if (from >= 0) {
      kept.add("");
      kept.addAll(old.subList(from, old.size()));
    }
    return kept;
  }
}
