package io.newsflow.enrich.theme;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.enrich.tagging.text.TextFolder;
import io.newsflow.model.article.Span;
import io.newsflow.model.article.ThemeTag;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ThemeClassifierTest {

  private static final Taxonomy SMALL = new Taxonomy("test-7", 2.0, List.of(
      new Theme("military-exercises", "Military exercises", null,
          Map.of("joint exercise*", 2.0, "drills", 1.5, "exercise", 1.0), Map.of("exercise bike", 3.0)),
      new Theme("sanctions", "Sanctions", 3.0, Map.of("sanction*", 2.0), Map.of())));

  private static List<ThemeTag> classify(ThemeClassifier classifier, String title, String text) {
    return classifier.classify(title, TextFolder.fold(title), text, TextFolder.fold(text));
  }

  @Test
  void scoresEvidenceAndReturnsItsSpansAndTheTaxonomyVersion() {
    String text = "Troops began joint exercises near Almaty. The drills end on Friday.";

    List<ThemeTag> tags = classify(new ThemeClassifier(SMALL), "", text);

    assertThat(tags).singleElement().satisfies(t -> {
      assertThat(t.themeId()).isEqualTo("military-exercises");
      assertThat(t.score()).isEqualTo(3.5);
      assertThat(t.taxonomyVersion()).isEqualTo("test-7");
      assertThat(t.evidence()).extracting(Span::text).containsExactly("joint exercises", "drills");
      Span first = t.evidence().get(0);
      assertThat(text.substring(first.start(), first.end())).isEqualTo("joint exercises");
    });
  }

  @Test
  void negativeCuesAndThresholdsKeepWeakOrMisleadingEvidenceOut() {
    ThemeClassifier classifier = new ThemeClassifier(SMALL);

    assertThat(classify(classifier, "", "He bought an exercise bike; exercise is healthy.")).isEmpty();
    assertThat(classify(classifier, "", "The EU discussed sanctions.")).isEmpty();
    assertThat(classify(classifier, "New sanctions", "The EU discussed sanctions."))
        .extracting(ThemeTag::themeId).containsExactly("sanctions");
  }

  @Test
  void countsARepeatedPhraseAtMostThreeTimes() {
    String text = "drills drills drills drills drills drills";

    List<ThemeTag> tags = classify(new ThemeClassifier(SMALL), "", text);

    assertThat(tags.get(0).score()).isEqualTo(4.5);
  }

  @Test
  void aSideMentionFarBelowTheArticlesMainThemeIsLeftOutWhenTheTaxonomyAsksForAShareOfTheTop() {
    // exercises score 2 + 1.5 x 3 + 1 x 3 = 9.5; sanctions 2 x 2 = 4 passes its own threshold (3) but not 0.5 x 9.5
    String text = "Joint exercise near Almaty: drills, drills, drills, exercise, exercise, exercise. Sanctions? Sanctions were not discussed.";
    Taxonomy relative = new Taxonomy("test-8", 2.0, 0.5, SMALL.themes());

    assertThat(classify(new ThemeClassifier(SMALL), "", text)).extracting(ThemeTag::themeId)
        .containsExactly("military-exercises", "sanctions");
    assertThat(classify(new ThemeClassifier(relative), "", text)).extracting(ThemeTag::themeId)
        .containsExactly("military-exercises");
  }
}
