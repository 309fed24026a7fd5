package io.newsflow.enrich.actor;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.enrich.tagging.text.TextFolder;
import io.newsflow.model.article.ActorTag;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Names of states and leaders inside phrases of general news that name something else: outlets, regions,
 * conferences, idioms (the kinds of error the real-text audit found; these sentences were written for this test).
 */
class GeneralNewsNamesTest {

  private static final ActorTagger TAGGER = new ActorTagger(Gazetteer.loadDefault());
  private static final LocalDate DAY = LocalDate.of(2025, 3, 14);

  private static List<String> actors(String text) {
    return TAGGER.tag("", "", text, TextFolder.fold(text), DAY).stream().map(ActorTag::actorId).toList();
  }

  @Test
  void aNewspaperOrWireServiceNamedAfterACountryIsNotThatCountry() {
    assertThat(actors("The coach told USA Today that the line-up would change before the derby.")).isEmpty();
    assertThat(actors("Riot police stood by the stadium gates. (Photo: Agence France-Presse)")).isEmpty();
  }

  @Test
  void aRegionOrContinentalAdjectiveIsNotTheStateItContains() {
    assertThat(actors("Herders in Inner Mongolia reported the first snow of the season on Sunday."))
        .doesNotContain("MNG");
    assertThat(actors("The Rockets lead the Mid-American Conference after a win over the Huskies.")).isEmpty();
    assertThat(actors("Growers sell most of the crop to North American and Latin American buyers.")).isEmpty();
  }

  @Test
  void aTrumpCardIsNotThePresident() {
    assertThat(actors("Trump cards outrank every other suit in the old trick-taking games of the Alps.")).isEmpty();
  }

  @Test
  void theSameNamesOutsideThosePhrasesStillCount() {
    assertThat(actors("Mongolia and the USA signed the accord; Trump praised the American negotiators."))
        .contains("MNG", "USA", "person.trump");
  }
}
