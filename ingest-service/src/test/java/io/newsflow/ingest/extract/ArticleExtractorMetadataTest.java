package io.newsflow.ingest.extract;

import static io.newsflow.ingest.extract.ArticleExtractorGoldenTest.extract;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.io.IOException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ArticleExtractorMetadataTest {

  @Test
  void prefersJsonLdAndRecordsWhereEachFieldCameFrom() throws IOException {
    ExtractedArticle a = extract("csto-drills-kazakhstan");

    assertThat(a.title()).isEqualTo("CSTO troops rehearse peacekeeping drills near Almaty");
    assertThat(a.authors()).containsExactly("Marat Seitkali", "Dana Abenova");
    assertThat(a.publishedAt()).isEqualTo(Instant.parse("2024-09-12T04:15:00Z"));
    assertThat(a.modifiedAt()).isEqualTo(Instant.parse("2024-09-12T09:02:31Z"));
    assertThat(a.siteName()).isEqualTo("Steppe Security Monitor");
    assertThat(a.language()).isEqualTo("en");
    assertThat(a.imageUrl()).isEqualTo("https://cdn.steppemonitor.example/img/2024/09/csto-drill-1200.jpg");
    assertThat(a.provenance()).contains(entry("title", "json-ld"), entry("authors", "json-ld"),
        entry("publishedAt", "json-ld"), entry("modifiedAt", "json-ld"), entry("siteName", "meta:og:site_name"),
        entry("canonicalUrl", "link:canonical"), entry("text", "content"));
  }

  @Test
  void resolvesRelativeCanonicalLinkAndDropsTrackingParameters() throws IOException {
    ExtractedArticle a = extract("csto-drills-kazakhstan");

    assertThat(a.canonicalUrl()).isEqualTo("https://steppemonitor.example/security/2024/09/12/csto-drills-almaty");
  }

  @Test
  void fallsBackToMetaTagsWhenThereIsNoStructuredData() throws IOException {
    ExtractedArticle a = extract("peacekeeping-live-nag");

    assertThat(a.authors()).containsExactly("Ermek Asanov");
    assertThat(a.publishedAt()).isEqualTo(Instant.parse("2025-06-17T06:45:00Z"));
    assertThat(a.modifiedAt()).isEqualTo(Instant.parse("2025-06-17T10:12:00Z"));
    assertThat(a.provenance()).contains(entry("authors", "meta:parsely-author"),
        entry("publishedAt", "meta:parsely-pub-date"), entry("modifiedAt", "meta:article:modified_time"),
        entry("title", "json-ld"));
  }

  @Test
  void readsTimeElementBylineAndTitleWithoutSiteSuffix() throws IOException {
    ExtractedArticle a = extract("january-events-anniversary-blog");

    assertThat(a.title()).isEqualTo("Qandy Qantar, two years on: what Almaty remembers");
    assertThat(a.authors()).containsExactly("Joanna Kerimbayeva");
    assertThat(a.publishedAt()).isEqualTo(Instant.parse("2024-01-05T18:40:00Z"));
    assertThat(a.language()).isEqualTo("en-GB");
    assertThat(a.canonicalUrl()).doesNotContain("utm_");
    assertThat(a.provenance()).contains(entry("publishedAt", "time"), entry("title", "title"),
        entry("authors", "byline"), entry("canonicalUrl", "meta:og:url"));
  }

  @Test
  void takesTheDateFromTheUrlWhenThePageGivesNone() throws IOException {
    ExtractedArticle a = extract("caspian-pipeline-wire");

    assertThat(a.publishedAt()).isEqualTo(Instant.parse("2023-03-28T00:00:00Z"));
    assertThat(a.provenance()).containsEntry("publishedAt", "url");
    assertThat(a.authors()).containsExactly("Daniyar Sultanov");
    assertThat(a.siteName()).isEqualTo("eurasiawire.example");
    assertThat(a.provenance()).containsEntry("siteName", "url-host");
  }

  @Test
  void readsJsonLdGraphWithCompactOffsetsAndProtocolRelativeImage() throws IOException {
    ExtractedArticle a = extract("sco-summit-ru");

    assertThat(a.publishedAt()).isEqualTo(Instant.parse("2024-07-04T06:30:00Z"));
    assertThat(a.authors()).containsExactly("Айгерим Тулеуова");
    assertThat(a.siteName()).isEqualTo("Новости Степи");
    assertThat(a.language()).isEqualTo("ru-KZ");
    assertThat(a.canonicalUrl()).isEqualTo("https://stepnews.example/politics/sco-astana-summit-tokayev");
    assertThat(a.imageUrl()).isEqualTo("https://static.stepnews.example/uploads/2024/07/sco-astana.jpg");
  }

  @Test
  void keepsParagraphStructureInTextAndSanitisedHtml() throws IOException {
    ExtractedArticle a = extract("csto-drills-kazakhstan");

    assertThat(a.text().split("\n\n")).hasSize(8);
    assertThat(a.html()).contains("<h2>A smaller Russian footprint</h2>", "<blockquote>")
        .doesNotContain("<script", "class=", "Share on X", "Related stories");
  }
}
