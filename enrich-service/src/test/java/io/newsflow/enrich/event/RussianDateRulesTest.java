package io.newsflow.enrich.event;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.model.article.DatePrecision;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RussianDateRulesTest {

  private static final DateExpressionParser PARSER = new DateExpressionParser();
  private static final LocalDate PUBLISHED = LocalDate.of(2024, 9, 12); // a Thursday

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      Туркестан. 6 сентября. КАЗИНФОРМ - учения завершились.   | 6 сентября               | 2024-09-06 | 2024-09-06 | DAY
      Учения прошли 26 сентября 2023 года.                     | 26 сентября 2023 года     | 2023-09-26 | 2023-09-26 | DAY
      Учения прошли 2-6 сентября.                              | 2-6 сентября              | 2024-09-02 | 2024-09-06 | DAY
      Форум проходил с 1 по 5 августа.                         | с 1 по 5 августа          | 2024-08-01 | 2024-08-05 | DAY
      Манёвры шли с 30 августа по 3 сентября 2023 г. у границы. | с 30 августа по 3 сентября 2023 г. | 2023-08-30 | 2023-09-03 | DAY
      Армения заморозила участие в феврале.                    | в феврале                 | 2024-02-01 | 2024-02-29 | MONTH
      Выборы пройдут в марте.                                  | в марте                   | 2025-03-01 | 2025-03-31 | MONTH
      Договор подписан в декабре 2021 года.                    | в декабре 2021 года       | 2021-12-01 | 2021-12-31 | MONTH
      После событий января 2022 года был референдум.           | января 2022 года          | 2022-01-01 | 2022-01-31 | MONTH
      Торговля растёт с января.                                | с января                  | 2024-01-01 | 2024-01-31 | MONTH
      Число атак с января по сентябрь 2025 года выросло.       | с января по сентябрь 2025 года | 2025-01-01 | 2025-09-30 | MONTH
      Экспорт в январе-августе вырос.                          | в январе-августе          | 2024-01-01 | 2024-08-31 | MONTH
      Ташкент приостановил членство в 2012 году.               | в 2012 году               | 2012-01-01 | 2012-12-31 | YEAR
      Реформы шли в 2012-2014 годах.                           | в 2012-2014 годах         | 2012-01-01 | 2014-12-31 | YEAR
      Реформы шли с 2012 по 2014 год.                          | с 2012 по 2014 год        | 2012-01-01 | 2014-12-31 | YEAR
      Учения проводятся ежегодно с 2018 года.                  | с 2018 года               | 2018-01-01 | 2018-12-31 | YEAR
      Введённая конституцией 1995 года система устарела.       | 1995 года                 | 1995-01-01 | 1995-12-31 | YEAR
      В прошлом году товарооборот вырос.                       | В прошлом году            | 2023-01-01 | 2023-12-31 | YEAR
      Группа подготовит законопроекты до конца этого года.     | этого года                | 2024-01-01 | 2024-12-31 | YEAR
      Переговоры продолжатся в следующем году.                 | в следующем году          | 2025-01-01 | 2025-12-31 | YEAR
      Цены выросли в прошлом месяце.                           | в прошлом месяце          | 2024-08-01 | 2024-08-31 | MONTH
      План подписан министрами в четверг.                      | в четверг                 | 2024-09-12 | 2024-09-12 | DAY
      Консорциум сообщил об атаке во вторник.                  | во вторник                | 2024-09-10 | 2024-09-10 | DAY
      Переговоры состоятся в понедельник.                      | в понедельник             | 2024-09-16 | 2024-09-16 | DAY
      Переговоры прошли в минувший четверг.                    | в минувший четверг        | 2024-09-05 | 2024-09-05 | DAY
      Станцию атаковали в ночь на понедельник.                 | в ночь на понедельник     | 2024-09-09 | 2024-09-09 | DAY
      Об этом вчера сообщил министр.                           | вчера                     | 2024-09-11 | 2024-09-11 | DAY
      Указ от 26.09.2023 вступил в силу.                       | 26.09.2023                | 2023-09-26 | 2023-09-26 | DAY
      Указ от 2023-09-26 вступил в силу.                       | 2023-09-26                | 2023-09-26 | 2023-09-26 | DAY
      """)
  void resolvesRussianDatePhrases(String sentence, String expression, LocalDate start, LocalDate end,
                                  DatePrecision precision) {
    boolean future = sentence.contains("пройдут") || sentence.contains("состоятся");
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
  void ignoresCountsScoresNamesAndImpossibleDays() {
    String text = "Участвовали 1200 военнослужащих и 18-й полк; счёт 4:3; рост 27.1%; Мая Плисецкая танцевала; "
        + "обсуждение в течение года; 31 июня; четверг выдался тёплым; версия 1.10.20251.";

    assertThat(PARSER.parse(text, PUBLISHED)).isEmpty();
  }

  @Test
  void readsEveryDateOfARussianWireStory() {
    String text = "Астана. 18 февраля. ИНТЕРФАКС-КАЗАХСТАН - Прокачка может сократиться, сообщил во вторник "
        + "консорциум. Утром в понедельник станцию атаковали беспилотники. В прошлом году было отгружено 63 млн "
        + "тонн. В 2022 году отгрузки останавливались. Страна отступала в январе от квот.";

    List<DateExpression> found = PARSER.parse(text, LocalDate.of(2025, 2, 18));

    assertThat(found).extracting(DateExpression::text).containsExactly(
        "18 февраля", "во вторник", "в понедельник", "В прошлом году", "В 2022 году", "в январе");
    assertThat(found).extracting(DateExpression::first).containsExactly(
        LocalDate.of(2025, 2, 18), LocalDate.of(2025, 2, 18), LocalDate.of(2025, 2, 17),
        LocalDate.of(2024, 1, 1), LocalDate.of(2022, 1, 1), LocalDate.of(2025, 1, 1));
  }
}
