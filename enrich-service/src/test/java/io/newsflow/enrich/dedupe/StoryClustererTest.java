package io.newsflow.enrich.dedupe;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class StoryClustererTest {

  static final Instant T0 = Instant.parse("2024-09-10T06:00:00Z");
  final StoryClusterer stories = new StoryClusterer(Duration.ofHours(72));

  String assign(String id, Instant at, List<String> actors, String title, String lead) {
    return stories.assign(id, at, actors, StoryKeywords.of(title, lead));
  }

  @Test
  void twoOutletsReportingOneEventShareAStory() {
    String first = assign("a", T0, List.of("KAZ", "RUS", "org.csto"), "CSTO rapid reaction forces open drills at Matybulak",
        "Troops from Kazakhstan, Russia, Kyrgyzstan and Tajikistan opened the Interaction-2024 exercise of the "
            + "Collective Security Treaty Organization at the Matybulak training ground in Zhambyl region.");
    String second = assign("b", T0.plus(Duration.ofHours(5)), List.of("KAZ", "org.csto"),
        "Matybulak hosts CSTO Interaction-2024 drills",
        "The Interaction-2024 exercise of the Collective Security Treaty Organization began at Matybulak in "
            + "Zhambyl region with troops from Russia, Kyrgyzstan, Tajikistan and Kazakhstan taking part.");
    assertThat(first).isEqualTo("s-a");
    assertThat(second).isEqualTo(first);
  }

  @Test
  void sameTopicAYearLaterIsAnotherStory() {
    String lead = "Troops from Kazakhstan, Russia, Kyrgyzstan and Tajikistan opened the Interaction exercise of the "
        + "Collective Security Treaty Organization at the Matybulak training ground in Zhambyl region.";
    String first = assign("a", T0, List.of("KAZ", "org.csto"), "CSTO forces open drills at Matybulak", lead);
    String later = assign("b", T0.plus(Duration.ofDays(365)), List.of("KAZ", "org.csto"), "CSTO forces open drills at Matybulak", lead);
    assertThat(later).isNotEqualTo(first).isEqualTo("s-b");
  }

  @Test
  void sameActorsOnTheSameDayButAnotherEventIsAnotherStory() {
    assign("a", T0, List.of("KAZ", "RUS"), "CPC resumes full loadings after storm damage at Novorossiysk",
        "The Caspian Pipeline Consortium said it had resumed full loadings at its marine terminal near Novorossiysk "
            + "after repairing one of its single-point moorings damaged in a storm.");
    String other = assign("b", T0.plus(Duration.ofHours(2)), List.of("KAZ", "RUS"), "Tokayev and Putin discuss nuclear plant",
        "President Tokayev spoke by phone with Vladimir Putin about Rosatom's bid to build the first nuclear power "
            + "plant on Lake Balkhash, the Akorda press service said.");
    assertThat(other).isEqualTo("s-b");
  }
  @Test
  void rareNamesSharedByTwoDifferentlyWordedReportsMakeOneStory() {
    // background news makes "president", "officials" and the country names common, so they count little
    for (int i = 0; i < 40; i++) {
      assign("bg" + i, T0.minus(Duration.ofHours(100 - i)), List.of("KAZ"), "President meets officials in Astana " + i,
          "Kazakhstan's president told officials on Monday that the government would present a plan, officials said "
              + "after the meeting in Astana number " + i + ".");
    }
    String first = assign("a", T0, List.of("co.cpc", "RUS", "KAZ"), "Drones hit Kropotkinskaya pumping station",
        "A drone attack damaged the Kropotkinskaya pumping station of the Caspian Pipeline Consortium, officials said, "
            + "cutting flows from Kazakhstan.");
    String second = assign("b", T0.plus(Duration.ofHours(6)), List.of("KAZ", "co.cpc"),
        "Astana protests after Kropotkinskaya strike",
        "Kazakhstan's president's office and officials called the strike on the Kropotkinskaya station of the Caspian "
            + "Pipeline Consortium an action against its interests.");
    assertThat(second).isEqualTo(first);
  }

  @Test
  void theSameOverlapTwoDaysLaterIsNotEnough() {
    String title = "Tokayev and Xi sign transit agreements in Astana";
    String lead = "Kassym-Jomart Tokayev and Xi Jinping signed agreements on transit, freight trains and energy in Astana.";
    String first = assign("a", T0, List.of("person.tokayev", "person.xi-jinping"), title, lead);
    String sameDay = assign("b", T0.plus(Duration.ofHours(5)), List.of("person.tokayev", "person.xi-jinping"),
        "Xi and Tokayev agree on freight trains", "Xi Jinping and Kassym-Jomart Tokayev agreed in Astana to run more "
            + "freight trains, and signed documents on energy.");
    String twoDaysLater = assign("c", T0.plus(Duration.ofHours(58)), List.of("person.tokayev", "person.xi-jinping"),
        "Xi and Tokayev at summit in Astana", "Xi Jinping and Kassym-Jomart Tokayev met leaders at a summit in Astana "
            + "and spoke about energy.");
    assertThat(sameDay).isEqualTo(first);
    assertThat(twoDaysLater).isEqualTo("s-c");
  }
}
