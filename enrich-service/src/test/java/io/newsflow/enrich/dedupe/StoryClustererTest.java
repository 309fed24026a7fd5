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
}
