package io.newsflow.enrich.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsflow.enrich.dedupe.DedupeSettings;
import io.newsflow.enrich.dedupe.Deduplicator;
import io.newsflow.enrich.dedupe.SignatureSink;
import io.newsflow.enrich.support.RawArticles;
import io.newsflow.enrich.tagging.ArticleTagger;
import io.newsflow.model.article.ActorTag;
import io.newsflow.model.article.DedupeVerdict;
import io.newsflow.model.article.EnrichedArticle;
import io.newsflow.model.article.RawArticle;
import io.newsflow.model.json.EventDecodingException;
import io.newsflow.model.json.EventJson;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EnrichmentPipelineTest {

  static final Instant NOW = Instant.parse("2024-09-12T09:00:00Z");
  static ArticleTagger tagger;

  final EnrichmentPipeline pipeline = new EnrichmentPipeline(tagger,
      new Deduplicator(DedupeSettings.DEFAULTS, "test", SignatureSink.NONE), Clock.fixed(NOW, ZoneOffset.UTC));

  final RawArticle raw = RawArticles.article("https://steppe-herald.example/news/tokayev-xi",
      "steppe-herald.example", "Tokayev and Xi open new rail crossing",
      "President Kassym-Jomart Tokayev and Chinese leader Xi Jinping opened a second railway crossing at Bakhty "
          + "on Friday, part of Belt and Road plans to double cargo between Kazakhstan and China.",
      Instant.parse("2024-07-05T09:00:00Z"));

  @BeforeAll
  static void loadTagger() {
    tagger = ArticleTagger.loadDefault();
  }

  @Test
  void enrichesARawArticleWithItsTagsAndVerdict() {
    EnrichedArticle enriched = pipeline.enrich(raw.articleId(), EventJson.toBytes(raw), "raw-0@1").orElseThrow();
    assertThat(enriched.articleId()).isEqualTo(raw.articleId());
    assertThat(enriched.article()).isEqualTo(raw);
    assertThat(enriched.occurredAt()).isEqualTo(NOW);
    assertThat(enriched.schemaVersion()).isEqualTo(EnrichedArticle.SCHEMA_VERSION);
    assertThat(enriched.dedupe().verdict()).isEqualTo(DedupeVerdict.NEW);
    assertThat(enriched.actors()).extracting(ActorTag::actorId).contains("KAZ");
  }

  @Test
  void dropsARepublishedArticleWithUnchangedText() {
    pipeline.enrich(raw.articleId(), EventJson.toBytes(raw), "raw-0@1").orElseThrow();
    assertThat(pipeline.enrich(raw.articleId(), EventJson.toBytes(raw), "raw-0@2")).isEmpty();
  }

  @Test
  void rejectsBytesThatAreNotARawArticle() {
    assertThatThrownBy(() -> pipeline.enrich("k", "<html>oops</html>".getBytes(StandardCharsets.UTF_8), "raw-0@3"))
        .isInstanceOf(EventDecodingException.class);
    assertThatThrownBy(() -> pipeline.enrich("k", null, "raw-0@4"))
        .isInstanceOf(EventDecodingException.class).hasMessageContaining("tombstone");
  }

  @Test
  void rejectsARecordKeyedByAnythingButItsArticleId() {
    assertThatThrownBy(() -> pipeline.enrich("another-key", EventJson.toBytes(raw), "raw-0@5"))
        .isInstanceOfSatisfying(InvalidArticleException.class, e -> {
          assertThat(e.field()).isEqualTo("key");
          assertThat(e.articleId()).isEqualTo(raw.articleId());
        });
  }
}
