package io.newsflow.enrich.event;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.model.article.DatePrecision;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DateExpressionParserTest {

  private static final DateExpressionParser PARSER = new DateExpressionParser();
  private static final LocalDate PUBLISHED = LocalDate.of(2024, 9, 12); // a Thursday

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      It began on January 4, 2022 in Zhanaozen.        | January 4, 2022           | 2022-01-04 | 2022-01-04 | DAY
      Troops arrived on 6 January 2022.                | 6 January 2022            | 2022-01-06 | 2022-01-06 | DAY
      The decree is dated 2022-01-04.                  | 2022-01-04                | 2022-01-04 | 2022-01-04 | DAY
      Talks resumed on Sept. 3.                        | Sept. 3                   | 2024-09-03 | 2024-09-03 | DAY
      Armenia froze its membership in February.        | in February               | 2024-02-01 | 2024-02-29 | MONTH
      Elections will be held in March.                 | in March                  | 2025-03-01 | 2025-03-31 | MONTH
      Drills ran from September to October 2024.       | from September to October 2024 | 2024-09-01 | 2024-10-31 | MONTH
      Exercises run 4-10 September 2024.               | 4-10 September 2024       | 2024-09-04 | 2024-09-10 | DAY
      The drills ran from September 18 to 29.          | September 18 to 29        | 2024-09-18 | 2024-09-29 | DAY
      Output fell last year.                           | last year                 | 2023-01-01 | 2023-12-31 | YEAR
      The base was built in 2016.                      | in 2016                   | 2016-01-01 | 2016-12-31 | YEAR
      Tests took place between 1949 and 1989.          | between 1949 and 1989     | 1949-01-01 | 1989-12-31 | YEAR
      A road map for 2023-2024 was agreed.             | for 2023-2024             | 2023-01-01 | 2024-12-31 | YEAR
      Protests began in mid-April.                     | mid-April                 | 2024-04-01 | 2024-04-30 | MONTH
      The minister spoke on Tuesday.                   | on Tuesday                | 2024-09-10 | 2024-09-10 | DAY
      Sunday's vote was calm.                          | Sunday                    | 2024-09-08 | 2024-09-08 | DAY
      Officials met yesterday.                         | yesterday                 | 2024-09-11 | 2024-09-11 | DAY
      A 2022 swap sent gas to Azerbaijan.              | 2022                      | 2022-01-01 | 2022-12-31 | YEAR
      It differs from the original 1956 Leningrad staging. | 1956                  | 1956-01-01 | 1956-12-31 | YEAR
      Drones won Azerbaijan's 2020 war.                | 2020                      | 2020-01-01 | 2020-12-31 | YEAR
      Prices rose in Jan, officials said.              | in Jan                    | 2024-01-01 | 2024-01-31 | MONTH
      """)
  void resolvesDateExpressions(String sentence, String expression, LocalDate start, LocalDate end,
                               DatePrecision precision) {
    boolean future = sentence.contains("will");
    List<DateExpression> found = PARSER.parse(sentence, 0, sentence.length(), PUBLISHED, offset -> future);

    assertThat(found).singleElement().satisfies(d -> {
      assertThat(d.text()).isEqualTo(expression);
      assertThat(d.first()).isEqualTo(start);
      assertThat(d.last()).isEqualTo(end);
      assertThat(d.precision()).isEqualTo(precision);
      assertThat(sentence.substring(d.start(), d.end())).isEqualTo(expression);
    });
  }

  @Test
  void readsAMonthAbbreviationBeforeACapitalisedWordAsAName() {
    String text = "(Reporting by the Astana bureau; editing by Jan Harvey and by Dec Murphy)";

    assertThat(PARSER.parse(text, PUBLISHED)).isEmpty();
  }

  @Test
  void takesNoCountOrCodeNameForAYear() {
    String text = "About 2,000 troops joined Zapad-2025 drills; report 14/2025 named 1950 recruits.";

    assertThat(PARSER.parse(text, PUBLISHED)).isEmpty();
  }

  @Test
  void readsAMonthInAPastTenseSentenceAsTheLastOneBeforePublication() {
    LocalDate november = LocalDate.of(2025, 11, 12);
    String past = "Uzbekistan announced a national drone programme in January, but has published no details.";
    String neutral = "Talks in January focus on tariffs.";

    assertThat(new EventExtractor().extract(past, november, List.of(), List.of()))
        .singleElement().satisfies(e -> assertThat(e.start()).isEqualTo(LocalDate.of(2025, 1, 1)));
    assertThat(new EventExtractor().extract(neutral, november, List.of(), List.of()))
        .singleElement().satisfies(e -> assertThat(e.start()).isEqualTo(LocalDate.of(2026, 1, 1)));
  }

  @Test
  void ignoresNumbersAndWordsThatOnlyLookLikeDates() {
    String text = "About 2,030 soldiers may march; the 1990s were hard; February 30 never came; 250 tanks.";

    assertThat(PARSER.parse(text, PUBLISHED)).isEmpty();
  }
}
