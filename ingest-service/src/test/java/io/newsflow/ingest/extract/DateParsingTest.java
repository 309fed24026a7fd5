package io.newsflow.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DateParsingTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "2024-09-12T09:15:00+05:00      | 2024-09-12T04:15:00Z",
      "2024-09-12T09:15:00+0500       | 2024-09-12T04:15:00Z",
      "2024-09-12T09:15:00.123Z       | 2024-09-12T09:15:00.123Z",
      "2024-09-12 09:15:00            | 2024-09-12T09:15:00Z",
      "2024-09-12T09:15               | 2024-09-12T09:15:00Z",
      "2024-09-12                     | 2024-09-12T00:00:00Z",
      "Thu, 12 Sep 2024 09:15:00 GMT  | 2024-09-12T09:15:00Z",
      "1726132500                     | 2024-09-12T09:15:00Z",
      "1726132500000                  | 2024-09-12T09:15:00Z"})
  void readsTheSpellingsPagesUse(String raw, String expected) {
    assertThat(DateParsing.parse(raw)).isEqualTo(Instant.parse(expected));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "yesterday", "2024-13-45", "12/09/2024 maybe"})
  void rejectsWhatIsNotADate(String raw) {
    assertThat(DateParsing.parse(raw)).isNull();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "https://x.example/news/2022/01/05/almaty-protests | 2022-01-05T00:00:00Z",
      "https://x.example/2024-07-04-sco-summit.html      | 2024-07-04T00:00:00Z",
      "https://x.example/archive/20230328/cpc/           | 2023-03-28T00:00:00Z"})
  void findsDatesInUrlPaths(String url, String expected) {
    assertThat(DateParsing.fromUrl(url)).isEqualTo(Instant.parse(expected));
  }

  @ParameterizedTest
  @ValueSource(strings = {"https://x.example/article/123456789", "https://x.example/2024/13/40/x"})
  void ignoresNumbersThatAreNotDates(String url) {
    assertThat(DateParsing.fromUrl(url)).isNull();
  }
}
