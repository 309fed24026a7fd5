package io.newsflow.enrich.tagging;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.model.article.ActorTag;
import io.newsflow.model.article.DatePrecision;
import io.newsflow.model.article.DatedEvent;
import io.newsflow.model.article.Span;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ArticleTaggerTest {

  private static final ArticleTagger TAGGER = ArticleTagger.loadDefault();

  @Test
  void tagsActorsThemesAndEventsOfACsoStory() {
    String title = "CSTO troops to leave Kazakhstan, Tokayev says";
    String text = "Kazakh President Kassym-Jomart Tokayev said on January 11 that the CSTO peacekeeping "
        + "contingent would begin withdrawing in two days. The ОДКБ force arrived on 6 January 2022 after "
        + "protests turned violent. Joint exercises are planned for September to October 2022.";
    Tags tags = TAGGER.tag(title, text, Instant.parse("2022-01-11T10:00:00Z"));

    assertThat(tags.actors()).extracting(ActorTag::actorId)
        .contains("KAZ", "org.csto", "person.tokayev");
    ActorTag csto = tags.actors().stream().filter(a -> a.actorId().equals("org.csto")).findFirst().orElseThrow();
    assertThat(csto.inTitle()).isTrue();
    assertThat(csto.mentions()).isEqualTo(3);
    assertThat(csto.spans()).extracting(Span::text).containsExactly("CSTO", "CSTO", "ОДКБ");
    Span first = csto.spans().get(1);
    assertThat(text.substring(first.start(), first.end())).isEqualTo("CSTO");
    assertThat(csto.firstOffset()).isEqualTo(first.start());

    assertThat(tags.events()).extracting(DatedEvent::start)
        .containsExactly(LocalDate.of(2022, 1, 11), LocalDate.of(2022, 1, 6), LocalDate.of(2022, 9, 1));
    DatedEvent range = tags.events().get(2);
    assertThat(range.end()).isEqualTo(LocalDate.of(2022, 10, 31));
    assertThat(range.precision()).isEqualTo(DatePrecision.MONTH);
    assertThat(tags.events().get(1).actors()).containsExactly("org.csto");
    assertThat(tags.gazetteerVersion()).isNotBlank();
    assertThat(tags.taxonomyVersion()).isNotBlank();
  }

  @Test
  void readsTheWordsBeforeAnOfficeInTheFoldedBodyToTellAFormerHolder() {
    // the office phrase is resolved from the folded body the tagger shares with its other stages (a view of
    // its array, not a copy): "former" just before it must still be seen there, and only there
    Instant published = Instant.parse("2023-05-02T09:00:00Z");
    String text = "Analysts in Almaty said the policy is older than it looks: %s Kazakh president set it out in 2019.";

    assertThat(TAGGER.tag("", text.formatted("the"), published).actors()).extracting(ActorTag::actorId)
        .contains("person.tokayev");
    assertThat(TAGGER.tag("", text.formatted("the former"), published).actors()).extracting(ActorTag::actorId)
        .doesNotContain("person.tokayev");
  }

  @Test
  void emptyOrMissingTextGivesNoTags() {
    Tags tags = TAGGER.tag(null, null, null);
    assertThat(tags.actors()).isEmpty();
    assertThat(tags.themes()).isEmpty();
    assertThat(tags.events()).isEmpty();
  }
}
