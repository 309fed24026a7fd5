package io.newsflow.enrich.event;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.model.article.DatedEvent;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Date-like text in real pages that is not an event or was read with the wrong year (the kinds of error the
 * real-text audit found; the texts were written for this test).
 */
class GeneralNewsDatesTest {

  private static final EventExtractor EXTRACTOR = new EventExtractor();
  /** A Wednesday. */
  private static final LocalDate PUBLISHED = LocalDate.of(2025, 11, 19);

  private static List<DatedEvent> events(String text) {
    return EXTRACTOR.extract(text, PUBLISHED, List.of(), List.of());
  }

  private static List<String> expressions(String text) {
    return events(text).stream().map(DatedEvent::expression).toList();
  }

  @Test
  void aMonthAbbreviationMustBeAWholeWord() {
    assertThat(expressions("Final standings: 1 Kyle Busch, 2 Martin Truex, 3 Mayfield.")).isEmpty();
  }

  @Test
  void aWeekdayBeforeADateIsThatDatesWeekday() {
    assertThat(events("The girl was taken at 6 p.m. on Saturday, May 17, the court heard."))
        .extracting(DatedEvent::start).containsExactly(LocalDate.of(2025, 5, 17));
    assertThat(events("The rocket broke up on Thursday 4 September 2025 over the steppe."))
        .extracting(DatedEvent::start).containsExactly(LocalDate.of(2025, 9, 4));
  }

  @Test
  void aVersionNumberALineBreakOrAYearBeforeThe1900sIsNotPartOfADate() {
    assertThat(expressions("The notes for version 4.2.3 April 2014 list forty fixes.")).containsExactly("April 2014");
    assertThat(expressions("The Last Day of Summer\n\n2007, directed by a first-time filmmaker")).isEmpty();
    assertThat(expressions("The treaty was signed on 6 February 1840 at Waitangi.")).isEmpty();
  }

  @Test
  void theLastYearIsTwelveMonthsAndTheNextYearCountsFromTheYearJustNamed() {
    assertThat(expressions("There have been two major releases in the last year.")).isEmpty();
    assertThat(events("The deck was printed in 1909. The next year, Waite wrote a guide to it."))
        .extracting(DatedEvent::start).containsExactly(LocalDate.of(1909, 1, 1), LocalDate.of(1910, 1, 1));
    assertThat(events("Use of the drug rose in 2017, up from the previous year."))
        .extracting(DatedEvent::start).containsExactly(LocalDate.of(2017, 1, 1), LocalDate.of(2016, 1, 1));
    assertThat(events("Exports rose last year and should rise again next year."))
        .extracting(DatedEvent::start).containsExactly(LocalDate.of(2024, 1, 1), LocalDate.of(2026, 1, 1));
  }

  @Test
  void wouldHaveSpeaksOfThePast() {
    assertThat(events("The marches began in June over a bill that would have allowed extraditions."))
        .extracting(DatedEvent::start).containsExactly(LocalDate.of(2025, 6, 1));
  }

  @Test
  void aWeekdayAFutureVerbGovernsIsTheNextOne() {
    // published on a Wednesday
    assertThat(events("The singer will be allowed to play her old songs at the awards on Sunday."))
        .extracting(DatedEvent::start).containsExactly(LocalDate.of(2025, 11, 23));
    assertThat(events("On Friday, the ministry will announce the new quotas."))
        .extracting(DatedEvent::start).containsExactly(LocalDate.of(2025, 11, 21));
    assertThat(events("Talks will resume next week, the ministry said on Monday."))
        .extracting(DatedEvent::start).containsExactly(LocalDate.of(2025, 11, 17));
    assertThat(events("Troops who will stay until spring arrived on Friday."))
        .extracting(DatedEvent::start).containsExactly(LocalDate.of(2025, 11, 14));
  }

  @Test
  void bylinesReferencesAndTableRowsAreNotEvents() {
    assertThat(expressions("Feb. 21, 2025\n\nWater mains burst across the city in January, officials said."))
        .containsExactly("in January");
    assertThat(expressions("(Published Monday, Nov. 17, 2025)")).isEmpty();
    assertThat(expressions("Posted on Tuesday 14 October 2025 at 09:11 by the editors.")).isEmpty();
    assertThat(expressions("Jan. 6, 2025 -- Peanut allergies are on the rise, a study finds.")).isEmpty();
    assertThat(expressions("^ Wilson, John (March 2009). \"Early history\". Retrieved 9 October 2018.")).isEmpty();
    assertThat(expressions("\"Annual report\". Archived from the original (PDF) on 3 May 2011.")).isEmpty();
    assertThat(expressions("2020-08-01 18:00:00+00 | 200 | 4084\n\n2020-08-01 17:59:00+00 | 404 | 12")).isEmpty();
  }

  @Test
  void aLineThePageRepeatsIsARunningHeader() {
    String page = "Draft remoteStorage December 2014\n\nThe protocol was first proposed in June 2012.\n\n"
        + "Draft remoteStorage December 2014\n\nServers must answer within a minute.\n\n"
        + "Draft remoteStorage December 2014";
    assertThat(expressions(page)).containsExactly("June 2012");
  }

  @Test
  void aModelYearIsNotAnEvent() {
    assertThat(expressions("It is lighter than the 2018 model and anyone with a 2015 or older laptop will notice."))
        .isEmpty();
    assertThat(expressions("In 2016 models with larger screens sold best.")).containsExactly("In 2016");
  }

  @Test
  void datesInReportingStillCount() {
    assertThat(expressions("The study, published on Monday, found the 2016 model year sold well. "
        + "Published in 1963, the paper is still cited. Astana. 31 October. KazTAG - The ministry said on 14 "
        + "October 2025 that the talks would resume. Updated figures released on 3 March 2025 show growth."))
        .containsExactly("on Monday", "in 1963", "31 October", "14 October 2025", "3 March 2025");
  }
}
