package io.newsflow.enrich.event;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.model.article.ActorTag;
import io.newsflow.model.article.DatedEvent;
import io.newsflow.model.article.Span;
import io.newsflow.model.article.ThemeTag;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventExtractorTest {

  @Test
  void attachesTheSentenceAndTheActorsAndThemesInIt() {
    String text = "Gen. Ivanov arrived in Kazakhstan on 6 January 2022. Drills with the U.S. army will follow in May.";
    int kaz = text.indexOf("Kazakhstan");
    int drills = text.indexOf("Drills");
    List<ActorTag> actors = List.of(new ActorTag("KAZ", "Kazakhstan", "STATE", 1, kaz, false, false, 0.5,
        List.of(new Span("text", kaz, kaz + 10, "Kazakhstan"))));
    List<ThemeTag> themes = List.of(new ThemeTag("military-exercises", "Military exercises", 3.0, "t",
        List.of(new Span("text", drills, drills + 6, "Drills"))));

    List<DatedEvent> events = new EventExtractor().extract(text, LocalDate.of(2022, 1, 20), actors, themes);

    assertThat(events).hasSize(2);
    DatedEvent first = events.get(0);
    assertThat(first.sentence()).isEqualTo("Gen. Ivanov arrived in Kazakhstan on 6 January 2022.");
    assertThat(first.offset()).isEqualTo(text.indexOf("6 January"));
    assertThat(first.actors()).containsExactly("KAZ");
    assertThat(first.themes()).isEmpty();
    DatedEvent second = events.get(1);
    assertThat(second.sentence()).startsWith("Drills with the U.S. army");
    assertThat(second.start()).isEqualTo(LocalDate.of(2022, 5, 1));
    assertThat(second.themes()).containsExactly("military-exercises");
    assertThat(second.actors()).isEmpty();
  }
}
