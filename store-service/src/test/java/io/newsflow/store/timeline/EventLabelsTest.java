package io.newsflow.store.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.store.timeline.EventLabels.MonthGroup;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bucket label of an event by its distance from the publication, and the months a read of a day range walks. */
class EventLabelsTest {

  private static String label(String start, String published) {
    return EventLabels.label(LocalDate.parse(start), LocalDate.parse(published));
  }

  @Test
  void nearEventsGoToAPartOfTheirMonthOthersToTheMonthAndEventsTwoCalendarYearsAwayToTheYear() {
    assertThat(label("2024-09-07", "2024-09-12")).isEqualTo("2024-09/1");
    assertThat(label("2024-09-08", "2024-09-12")).isEqualTo("2024-09/2");
    assertThat(label("2024-09-21", "2024-09-12")).isEqualTo("2024-09/3");
    assertThat(label("2024-09-22", "2024-09-12")).isEqualTo("2024-09/4");
    assertThat(label("2024-02-29", "2024-03-01")).isEqualTo("2024-02/4");
    // 31 days either side is near, 32 is not
    assertThat(label("2024-08-12", "2024-09-12")).isEqualTo("2024-08/2");
    assertThat(label("2024-08-11", "2024-09-12")).isEqualTo("2024-08");
    assertThat(label("2024-10-14", "2024-09-12")).isEqualTo("2024-10");
    // by calendar year, not by days: 366 days back but the year before is a month; a day into the year after next is a year
    assertThat(label("2023-01-01", "2024-01-02")).isEqualTo("2023-01");
    assertThat(label("2022-12-31", "2024-01-01")).isEqualTo("2022");
    assertThat(label("2027-01-01", "2025-12-31")).isEqualTo("2027");
    // the rule of before, which footprints of stored articles still list
    assertThat(EventLabels.dayOrMonthLabel(LocalDate.parse("2024-09-10"), LocalDate.parse("2024-09-12"))).isEqualTo("2024-09-10");
    assertThat(EventLabels.dayOrMonthLabel(LocalDate.parse("2019-03-20"), LocalDate.parse("2024-09-12"))).isEqualTo("2019-03");
  }

  @Test
  void aWalkTakesTheLabelsThatCoverTheRangeMonthByMonthNewestFirstWithTheirYear() {
    List<String> labels = List.of("2024-09-12", "2024-09/2", "2024-09/3", "2024-09", "2024-08/4", "2022", "2022-01/1", "2021-12",
        "odd-label");
    assertThat(EventLabels.walk(labels, "2024-09-09", "2024-09-13")).containsExactly(
        new MonthGroup("2024-09", List.of("2024-09-12", "2024-09/2", "2024-09"), null));
    // the part of 22-31 August ends before the 1st: left out; no bound at all takes everything known
    assertThat(EventLabels.walk(labels, "2024-09-01", "~")).extracting(MonthGroup::month).containsExactly("2024-09");
    List<MonthGroup> all = EventLabels.walk(labels, "", "~");
    assertThat(all).extracting(MonthGroup::month).containsExactly("2024-09", "2024-08", "2022-12", "2022-11", "2022-10", "2022-09",
        "2022-08", "2022-07", "2022-06", "2022-05", "2022-04", "2022-03", "2022-02", "2022-01", "2021-12");
    assertThat(all.get(2)).isEqualTo(new MonthGroup("2022-12", List.of(), "2022"));
    assertThat(all.get(13)).isEqualTo(new MonthGroup("2022-01", List.of("2022-01/1"), "2022"));
    assertThat(all.get(14)).isEqualTo(new MonthGroup("2021-12", List.of("2021-12"), null));
    // a range inside a year that only its year bucket covers walks only the months in range
    assertThat(EventLabels.walk(labels, "2022-05-10", "2022-06-02")).containsExactly(
        new MonthGroup("2022-06", List.of(), "2022"), new MonthGroup("2022-05", List.of(), "2022"));
  }
}
