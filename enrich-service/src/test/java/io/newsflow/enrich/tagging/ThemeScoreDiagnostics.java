package io.newsflow.enrich.tagging;

import io.newsflow.enrich.tagging.text.TextFolder;
import io.newsflow.enrich.theme.Taxonomy;
import io.newsflow.enrich.theme.Theme;
import io.newsflow.enrich.theme.ThemeClassifier;
import io.newsflow.model.article.ThemeTag;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A tuning aid, not a test: prints every theme's score on every labelled article (gold themes marked
 * with *) and the themes F1 per set at a range of default thresholds. Run with the test classpath:
 * {@code java -cp ... io.newsflow.enrich.tagging.ThemeScoreDiagnostics [set-name ...]}.
 */
final class ThemeScoreDiagnostics {

  private static final double[] RELATIVE = {0.2, 0.25, 0.3, 0.35};
  private static boolean verbose = Boolean.getBoolean("verbose");

  private ThemeScoreDiagnostics() {}

  public static void main(String[] args) throws Exception {
    Taxonomy shipped = Taxonomy.loadDefault();
    // every theme reported: thresholds near zero, the shipped ones applied below
    Taxonomy open = new Taxonomy(shipped.version(), 1e-9, shipped.themes().stream()
        .map(t -> new Theme(t.id(), t.label(), null, t.evidence(), t.negative())).toList());
    ThemeClassifier classifier = new ThemeClassifier(open);
    Set<String> only = Set.of(args);
    double[] sweep = {2.0, 2.5, 3.0, 3.5, 4.0, 4.5, 5.0};
    for (TaggingEvaluationTest.LabelledSet set : TaggingEvaluationTest.SETS) {
      if (!only.isEmpty() && !only.contains(set.name())) {
        continue;
      }
      Scores[] atShipped = {new Scores()};
      Scores[] relative = new Scores[RELATIVE.length];
      for (int r = 0; r < RELATIVE.length; r++) {
        relative[r] = new Scores();
      }
      Scores[] perThreshold = new Scores[sweep.length];
      for (int i = 0; i < sweep.length; i++) {
        perThreshold[i] = new Scores();
      }
      for (LabelledArticles.Article a : LabelledArticles.load(set.resource())) {
        List<ThemeTag> all = classifier.classify(a.title(), TextFolder.fold(a.title()), a.text(),
            TextFolder.fold(a.text()));
        Map<String, Double> scores = new TreeMap<>();
        all.forEach(t -> scores.put(t.themeId(), t.score()));
        Set<String> gold = new HashSet<>(a.themes());
        String line = all.stream().map(t -> (gold.contains(t.themeId()) ? "*" : "") + t.themeId() + "="
            + t.score()).collect(Collectors.joining(" "));
        Set<String> missing = new HashSet<>(gold);
        missing.removeAll(scores.keySet());
        System.out.println(set.name() + " | " + a.id() + " | " + line + (missing.isEmpty() ? "" : " | *0: " + missing));
        for (ThemeTag t : all) {
          if (verbose && t.score() >= 2) {
            System.out.println("    " + (gold.contains(t.themeId()) ? "*" : "") + t.themeId() + ": " + t.evidence().stream()
                .map(e -> e.text().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", ")));
          }
        }
        Set<String> found = shipped.themes().stream()
            .filter(t -> scores.getOrDefault(t.id(), 0.0) >= shipped.thresholdOf(t))
            .map(Theme::id).collect(Collectors.toSet());
        atShipped[0].add(gold, found);
        double top = all.isEmpty() ? 0 : all.get(0).score();
        for (int r = 0; r < RELATIVE.length; r++) {
          double cut = RELATIVE[r] * top;
          relative[r].add(gold, found.stream().filter(id -> scores.get(id) >= cut).collect(Collectors.toSet()));
        }
        for (int i = 0; i < sweep.length; i++) {
          double th = sweep[i];
          perThreshold[i].add(gold, scores.entrySet().stream().filter(e -> e.getValue() >= th)
              .map(Map.Entry::getKey).collect(Collectors.toSet()));
        }
      }
      System.out.println(set.name() + " shipped thresholds: " + atShipped[0].row("themes", 0.85));
      for (int r = 0; r < RELATIVE.length; r++) {
        System.out.println(String.format(Locale.ROOT, "%s shipped thresholds and >= %.2f x top score: %s",
            set.name(), RELATIVE[r], relative[r].row("themes", 0.85)));
      }
      for (int i = 0; i < sweep.length; i++) {
        System.out.println(String.format(Locale.ROOT, "%s default %.1f everywhere: %s", set.name(), sweep[i],
            perThreshold[i].row("themes", 0.85)));
      }
    }
  }
}
