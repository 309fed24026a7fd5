package io.newsflow.enrich.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsflow.enrich.dedupe.DedupeSettings;
import io.newsflow.enrich.dedupe.Deduplicator;
import io.newsflow.enrich.dedupe.SignatureSink;
import io.newsflow.enrich.support.BenchArticles;
import io.newsflow.enrich.tagging.ArticleTagger;
import io.newsflow.model.SampleEvents;
import io.newsflow.model.article.ActorTag;
import io.newsflow.model.article.ArticleIds;
import io.newsflow.model.article.ChangeKind;
import io.newsflow.model.article.DatePrecision;
import io.newsflow.model.article.DatedEvent;
import io.newsflow.model.article.Dedupe;
import io.newsflow.model.article.DedupeVerdict;
import io.newsflow.model.article.EnrichedArticle;
import io.newsflow.model.article.RawArticle;
import io.newsflow.model.article.Span;
import io.newsflow.model.article.ThemeTag;
import io.newsflow.model.json.EventDecodingException;
import io.newsflow.model.json.EventJson;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The hand-written {@link EnrichedArticleWriter} and {@link RawArticleReader} against the one wire
 * codec, {@link EventJson}: the same bytes out, the same records in, the same errors.
 */
class WireCodecTest {

  @Test
  void writesEnrichedArticlesByteForByteAsTheCodec() {
    ArticleTagger tagger = ArticleTagger.loadDefault();
    EnrichmentPipeline pipeline = new EnrichmentPipeline(tagger,
        new Deduplicator(DedupeSettings.DEFAULTS, "test", SignatureSink.NONE), Clock.systemUTC());
    int withEvents = 0;
    for (RawArticle raw : BenchArticles.generate(300, 11)) {
      EnrichedArticle enriched = pipeline.enrich(raw.articleId(), EventJson.toBytes(raw), null).orElseThrow();
      assertThat(new String(EnrichedArticleWriter.toBytes(enriched), StandardCharsets.UTF_8)).isEqualTo(EventJson.toJson(enriched));
      withEvents += enriched.events().isEmpty() ? 0 : 1;
    }
    assertThat(withEvents).as("articles with dated events among those compared").isGreaterThan(100);
    EnrichedArticle sample = SampleEvents.enrichedArticle();
    assertThat(new String(EnrichedArticleWriter.toBytes(sample), StandardCharsets.UTF_8)).isEqualTo(EventJson.toJson(sample));
  }

  @Test
  void writesOddValuesAsTheCodec() {
    String text = "Quote \"x\" \\ tab\t newline\n control\u0001 emoji \uD83C\uDDF0\uD83C\uDDFF Қазақстан </script>";
    RawArticle raw = new RawArticle("e", 1, Instant.parse("2024-01-01T00:00:00.123456789Z"), ArticleIds.fromUrl("https://a.example/x"),
        3, ChangeKind.UPDATED, "f", null, "S\u00e9", "https://a.example/x", "https://a.example/x", "", text, text, null,
        List.of("A", "\u0411"), Instant.parse("+10000-01-01T00:00:00Z"), Instant.EPOCH, Instant.parse("1969-12-31T23:59:59Z"), null,
        null, "h", Map.of("a", "1", "b", "2", "c", "\u00e9"), List.of("SUMMARY_ONLY"));
    EnrichedArticle enriched = new EnrichedArticle("id", 1, Instant.parse("2024-01-01T00:00:00Z"), raw.articleId(), raw,
        new Dedupe(DedupeVerdict.DUPLICATE, "other", 1e-7, null, "h"),
        List.of(new ActorTag("KAZ", "Kazakhstan", "STATE", 0, -1, false, true, Double.NaN, List.of(new Span(null, 0, 0, null)))),
        List.of(new ThemeTag("t", null, 1.0 / 3, null, List.of())),
        List.of(new DatedEvent(LocalDate.of(2022, 1, 4), LocalDate.of(2022, 1, 31), DatePrecision.MONTH, "in January 2022",
            text, 0, List.of(), List.of("t"))),
        null, "v");
    assertThat(new String(EnrichedArticleWriter.toBytes(enriched), StandardCharsets.UTF_8)).isEqualTo(EventJson.toJson(enriched));
  }

  @Test
  void readsRawArticlesAsTheCodec() {
    for (RawArticle raw : BenchArticles.generate(50, 3)) {
      assertThat(RawArticleReader.fromBytes(EventJson.toBytes(raw))).isEqualTo(raw);
    }
    RawArticle full = SampleEvents.rawArticle();
    assertThat(RawArticleReader.fromBytes(EventJson.toBytes(full))).isEqualTo(full);
    RawArticle minimal = SampleEvents.minimalRawArticle();
    assertThat(RawArticleReader.fromBytes(EventJson.toBytes(minimal))).isEqualTo(minimal);
  }

  @Test
  void readsUnusualButValidValuesAsTheCodec() {
    String base = EventJson.toJson(SampleEvents.rawArticle());
    List<String> variants = List.of(
        base.replace("{\"eventId\"", "{\"extra\":{\"nested\":[1,2,{\"x\":null}]},\"eventId\""),  // unknown field
        base.replace("\"revision\":1", "\"revision\":\"1\""),                                      // coerced by databind
        base.replace("\"revision\":1", "\"revision\":1.0"),
        base.replace("\"title\":\"CSTO", "\"title\":12,\"t\":\"CSTO"),
        base.replace("\"occurredAt\":\"2024-09-12T08:30:00Z\"", "\"occurredAt\":\"2024-09-12T10:30:00+02:00\""),
        base.replace("\"occurredAt\":\"2024-09-12T08:30:00Z\"", "\"occurredAt\":1726129800"),
        base.replace("\"summary\":\"A short summary.\"", "\"summary\":null"),
        base.replace("\"authors\":[\"Aigerim Sadykova\"]", "\"authors\":null"),
        base.replace("\"title\":\"CSTO forces", "\"title\":\"first\",\"title\":\"CSTO forces"),        // repeated field
        base + "  trailing");
    for (String json : variants) {
      byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
      Object expected;
      try {
        expected = EventJson.fromBytes(bytes, RawArticle.class);
      } catch (EventDecodingException e) {
        assertThatThrownBy(() -> RawArticleReader.fromBytes(bytes)).as(json)
            .isInstanceOf(EventDecodingException.class).hasMessage(e.getMessage());
        continue;
      }
      assertThat(RawArticleReader.fromBytes(bytes)).as(json).isEqualTo(expected);
    }
  }

  @Test
  void rejectsMalformedValuesWithTheCodecsError() {
    String base = EventJson.toJson(SampleEvents.rawArticle());
    List<String> bad = List.of("<html>oops</html>", "", "null", "[]", "{\"eventId\":", base.substring(0, base.length() / 2),
        base.replace("\"revision\":1", "\"revision\":null"), base.replace("\"revision\":1", "\"revision\":0"),
        base.replace("\"change\":\"NEW\"", "\"change\":\"new\""), base.replace("\"authors\":[\"Aigerim Sadykova\"]", "\"authors\":[null]"),
        base.replace(",\"contentHash\":\"", ",\"contentHashX\":\""), base.replace("\"occurredAt\":\"2024-09-12T08:30:00Z\"", "\"occurredAt\":\"yesterday\""));
    for (String json : bad) {
      byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
      Throwable expected = org.assertj.core.api.Assertions.catchThrowable(() -> EventJson.fromBytes(bytes, RawArticle.class));
      Throwable actual = org.assertj.core.api.Assertions.catchThrowable(() -> RawArticleReader.fromBytes(bytes));
      if (expected == null) {
        assertThat(actual).as(json).isNull();
        assertThat(RawArticleReader.fromBytes(bytes)).isEqualTo(EventJson.fromBytes(bytes, RawArticle.class));
      } else {
        assertThat(actual).as(json).isInstanceOf(EventDecodingException.class).hasMessage(expected.getMessage());
      }
    }
    assertThatThrownBy(() -> RawArticleReader.fromBytes(null)).isInstanceOf(EventDecodingException.class)
        .hasMessageContaining("tombstone");
  }
}
