package io.newsflow.enrich.actor;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.enrich.tagging.text.TextFolder;
import io.newsflow.model.article.ActorTag;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ActorTaggerTest {

  private static final ActorTagger TAGGER = new ActorTagger(Gazetteer.loadDefault());
  private static final LocalDate DAY = LocalDate.of(2024, 9, 12);

  private static Map<String, ActorTag> tag(String title, String text, LocalDate day) {
    return TAGGER.tag(title, TextFolder.fold(title), text, TextFolder.fold(text), day).stream()
        .collect(Collectors.toMap(ActorTag::actorId, Function.identity()));
  }

  @Test
  void countsMentionsWithOffsetsTitlePresenceAndSalience() {
    String title = "Tokayev meets CSTO chief";
    String text = "Kazakhstan hosted the talks. Later, Toqaev said Kazakhstan would stay in the ОДКБ.";

    Map<String, ActorTag> tags = tag(title, text, DAY);

    ActorTag kaz = tags.get("KAZ");
    assertThat(kaz.mentions()).isEqualTo(2);
    assertThat(kaz.firstOffset()).isZero();
    assertThat(kaz.inTitle()).isFalse();
    assertThat(kaz.spans()).allSatisfy(s -> assertThat(text.substring(s.start(), s.end())).isEqualTo("Kazakhstan"));
    ActorTag tokayev = tags.get("person.tokayev");
    assertThat(tokayev.inTitle()).isTrue();
    assertThat(tokayev.mentions()).isEqualTo(2);
    assertThat(tags.get("org.csto").mentions()).isEqualTo(2);
    assertThat(tokayev.salience()).isGreaterThan(kaz.salience());
  }

  @Test
  void marksStatesNamedOnlyByAdjectivesAndRanksThemLower() {
    Map<String, ActorTag> tags = tag("Kazakhstan buys Russian-made helicopters",
        "Kazakhstan signed the contract on Tuesday.", DAY);

    assertThat(tags.get("RUS").adjectivalOnly()).isTrue();
    assertThat(tags.get("KAZ").adjectivalOnly()).isFalse();
    assertThat(tags.get("RUS").salience()).isLessThan(tags.get("KAZ").salience());
  }

  @Test
  void leavesAmbiguousNamesOutWithoutContext() {
    assertThat(tag("", "A battery plant in Georgia will open next year, the governor said.", DAY))
        .doesNotContainKey("GEO");
    assertThat(tag("", "Chad Morris joined the club; he played for Jordan Valley Academy.", DAY))
        .doesNotContainKeys("TCD", "JOR");
  }

  @Test
  void resolvesAmbiguousNamesFromContextOrAListOfStates() {
    assertThat(tag("", "Georgia's parliament in Tbilisi passed the law.", DAY)).containsKey("GEO");
    assertThat(tag("", "The route crosses Azerbaijan, Georgia and Turkey.", DAY)).containsKeys("GEO", "TUR");
    assertThat(tag("", "Turkey hosted NATO ministers.", DAY)).containsKey("TUR");
  }

  @Test
  void respectsTheCaseOfAcronymsAndNames() {
    assertThat(tag("", "He told us that trump cards were played.", DAY)).isEmpty();
    assertThat(tag("", "The US and the UN welcomed it; Trump did not.", DAY))
        .containsKeys("USA", "org.un", "person.trump");
  }

  @Test
  void hidesNamesInsideStopPhrases() {
    assertThat(tag("", "Leaders met in Xi'an for the summit.", DAY)).doesNotContainKey("person.xi-jinping");
    assertThat(tag("", "Xi met leaders in Xi'an.", DAY)).containsKey("person.xi-jinping");
  }

  @Test
  void resolvesOfficesByThePublicationDate() {
    String text = "The Kazakh President opened the session.";

    assertThat(tag("", text, LocalDate.of(2018, 5, 1))).containsKeys("person.nazarbayev", "KAZ")
        .doesNotContainKey("person.tokayev");
    assertThat(tag("", text, LocalDate.of(2023, 5, 1))).containsKeys("person.tokayev", "KAZ")
        .doesNotContainKey("person.nazarbayev");
  }

  @Test
  void doesNotGiveAFormerOfficeToItsCurrentHolder() {
    Map<String, ActorTag> tags = tag("", "Former Russian President Dmitry Medvedev wrote on Telegram.", DAY);

    assertThat(tags).containsKeys("person.medvedev", "RUS").doesNotContainKey("person.putin");
  }

  @Test
  void takesTheNameAfterAnOfficeOverTheGazetteerDates() {
    Map<String, ActorTag> tags = tag("", "Kazakh Defence Minister Ruslan Zhaksylykov signed it.", LocalDate.of(2024, 11, 20));

    assertThat(tags).containsKey("person.zhaksylykov").doesNotContainKey("person.kosanov");
  }

  @Test
  void countsTheStateNamedInsideItsMinistryButNotInsideAProject() {
    assertThat(tag("", "The Kazakh Defence Ministry said.", DAY)).containsKeys("gov.kaz-mod", "KAZ");
    assertThat(tag("", "Line D of the Central Asia-China gas pipeline stalled.", DAY))
        .containsKey("proj.cac-gas-pipeline").doesNotContainKey("CHN");
  }

  @Test
  void tagsNothingInEmptyText() {
    assertThat(TAGGER.tag("", "", "", "", DAY)).isEqualTo(List.of());
  }
}
