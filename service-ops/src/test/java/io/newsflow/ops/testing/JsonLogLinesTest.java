package io.newsflow.ops.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class JsonLogLinesTest {

  private static final String OUT = """
        .   ____          _
      2026-11-27T20:01:02.345Z  INFO 4711 --- [main] o.a.k.c.c.KafkaConsumer : dead-lettered 0 records at start
      {"@timestamp":"2026-11-27T20:01:03Z","level":"WARN","message":"dead-lettered to newsflow.articles.enriched.v1.dlt: malformed","articleId":"broken-ops-1"}
      {"@timestamp":"2026-11-27T20:01:04Z","level":"INFO","message":"published 3 article(s)","feedId":"f-8c1e"}
      """;

  @Test
  void firstJsonSkipsPlainLinesAndReadsTheFields() {
    assertThat(JsonLogLines.firstJson(OUT, "dead-lettered").path("articleId").asText()).isEqualTo("broken-ops-1");
    assertThat(JsonLogLines.firstJson(OUT, "published 3").path("feedId").asText()).isEqualTo("f-8c1e");
  }

  @Test
  void firstMentionFailsWhenThePlainLineComesFirst() {
    assertThatThrownBy(() -> JsonLogLines.firstMention(OUT, "dead-lettered"))
        .isInstanceOf(AssertionError.class).hasMessageContaining("is not JSON");
    assertThat(JsonLogLines.firstMention(OUT, "published 3").path("level").asText()).isEqualTo("INFO");
  }

  @Test
  void aMissingOrBrokenLineIsAClearFailure() {
    assertThatThrownBy(() -> JsonLogLines.firstJson(OUT, "enriched: verdict=NEW"))
        .isInstanceOf(AssertionError.class).hasMessageContaining("no JSON log line containing 'enriched: verdict=NEW'");
    assertThatThrownBy(() -> JsonLogLines.firstJson("{\"message\":\"cut off", "cut off"))
        .isInstanceOf(AssertionError.class).hasMessageContaining("not valid JSON");
  }
}
