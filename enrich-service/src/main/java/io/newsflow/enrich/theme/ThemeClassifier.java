package io.newsflow.enrich.theme;

import io.newsflow.enrich.tagging.text.PhraseAutomaton;
import io.newsflow.enrich.tagging.text.PhraseMatch;
import io.newsflow.enrich.tagging.text.TextFolder;
import io.newsflow.model.article.Span;
import io.newsflow.model.article.ThemeTag;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scores every taxonomy theme on an article from weighted evidence phrases, in one Aho–Corasick pass
 * per field. A phrase counts at most {@value #MAX_REPEATS} times (a wire story repeating "drills" ten
 * times is not ten times more about drills), title evidence weighs {@value #TITLE_FACTOR}x, negative
 * cues subtract. Themes at or above their threshold are returned with their evidence. Thread-safe.
 */
public final class ThemeClassifier {

  static final int MAX_REPEATS = 3;
  static final double TITLE_FACTOR = 1.5;

  private final Taxonomy taxonomy;
  private final List<String> phrases;
  private final PhraseAutomaton automaton;
  private final List<List<Cue>> cues; // phrase id -> the themes it speaks for or against

  private record Cue(int theme, double weight, boolean negative) {}

  public ThemeClassifier(Taxonomy taxonomy) {
    this.taxonomy = taxonomy;
    Map<String, List<Cue>> byPhrase = new LinkedHashMap<>();
    for (int i = 0; i < taxonomy.themes().size(); i++) {
      Theme theme = taxonomy.themes().get(i);
      for (Map.Entry<String, Double> e : theme.evidence().entrySet()) {
        byPhrase.computeIfAbsent(TextFolder.fold(e.getKey().strip()), k -> new ArrayList<>())
            .add(new Cue(i, e.getValue(), false));
      }
      for (Map.Entry<String, Double> e : theme.negative().entrySet()) {
        byPhrase.computeIfAbsent(TextFolder.fold(e.getKey().strip()), k -> new ArrayList<>())
            .add(new Cue(i, e.getValue(), true));
      }
    }
    this.phrases = List.copyOf(byPhrase.keySet());
    this.automaton = PhraseAutomaton.build(phrases);
    this.cues = new ArrayList<>(byPhrase.values());
  }

  /**
   * The folded evidence and negative phrases; a caller searching a text for other phrases too finds
   * these in the same pass and hands the matches to {@link #classify(String, List, String, List)}.
   */
  public List<String> phrases() {
    return phrases;
  }

  public String taxonomyVersion() {
    return taxonomy.version();
  }

  /** Themes at or above their threshold and the taxonomy's share of the top score, highest score first. */
  public List<ThemeTag> classify(String title, String foldedTitle, String text, String foldedText) {
    return classify(title, automaton.findAll(foldedTitle), text, automaton.findAll(foldedText));
  }

  /** {@link #classify(String, String, String, String)} with the matches of {@link #phrases()} already found. */
  public List<ThemeTag> classify(String title, List<PhraseMatch> titleMatches, String text,
                                 List<PhraseMatch> textMatches) {
    int n = taxonomy.themes().size();
    double[] scores = new double[n];
    List<List<Span>> evidence = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      evidence.add(new ArrayList<>());
    }
    score("title", title, titleMatches, TITLE_FACTOR, scores, evidence);
    score("text", text, textMatches, 1.0, scores, evidence);
    double top = 0;
    for (int i = 0; i < n; i++) {
      if (!evidence.get(i).isEmpty() && scores[i] >= taxonomy.thresholdOf(taxonomy.themes().get(i))) {
        top = Math.max(top, scores[i]);
      }
    }
    double floor = top * taxonomy.relativeThreshold();
    List<ThemeTag> tags = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Theme theme = taxonomy.themes().get(i);
      if (!evidence.get(i).isEmpty() && scores[i] >= taxonomy.thresholdOf(theme) && scores[i] >= floor) {
        double rounded = Math.round(scores[i] * 100) / 100.0;
        tags.add(new ThemeTag(theme.id(), theme.label(), rounded, taxonomy.version(), evidence.get(i)));
      }
    }
    tags.sort(Comparator.comparingDouble(ThemeTag::score).reversed().thenComparing(ThemeTag::themeId));
    return tags;
  }

  private void score(String field, String original, List<PhraseMatch> all, double factor, double[] scores,
                     List<List<Span>> evidence) {
    // overlaps are resolved per theme: "joint military exercises" is one piece of evidence, not three
    Map<Integer, List<PhraseMatch>> perTheme = new HashMap<>();
    for (PhraseMatch m : all) {
      for (Cue cue : cues.get(m.phraseId())) {
        perTheme.computeIfAbsent(cue.theme(), k -> new ArrayList<>()).add(m);
      }
    }
    for (Map.Entry<Integer, List<PhraseMatch>> e : perTheme.entrySet()) {
      int theme = e.getKey();
      Map<Integer, Integer> repeats = new HashMap<>();
      for (PhraseMatch m : PhraseAutomaton.leftmostLongest(e.getValue())) {
        Cue cue = cueFor(m.phraseId(), theme);
        if (repeats.merge(m.phraseId(), 1, Integer::sum) > MAX_REPEATS) {
          continue;
        }
        if (cue.negative()) {
          scores[theme] -= cue.weight() * factor;
        } else {
          scores[theme] += cue.weight() * factor;
          evidence.get(theme).add(new Span(field, m.start(), m.end(), original.substring(m.start(), m.end())));
        }
      }
    }
  }

  private Cue cueFor(int phraseId, int theme) {
    for (Cue c : cues.get(phraseId)) {
      if (c.theme() == theme) {
        return c;
      }
    }
    throw new IllegalStateException("phrase " + phraseId + " has no cue for theme " + theme);
  }
}
