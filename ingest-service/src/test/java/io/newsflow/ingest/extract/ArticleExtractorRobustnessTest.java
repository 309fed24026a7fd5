package io.newsflow.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Hostile and broken pages: the extractor must return (never hang, never overflow the stack) and
 * keep what text there is. The timeouts are hang guards, far above the real cost, not speed goals.
 */
class ArticleExtractorRobustnessTest {

  private static final Duration HANG_GUARD = Duration.ofSeconds(60);
  private static final String PARAGRAPH = "<p>Border guards from Kyrgyzstan and Tajikistan exchanged fire near the "
      + "Golovnoi water intake, officials in Bishkek said, the latest clash over the disputed frontier.</p>";

  private final ArticleExtractor extractor = new ArticleExtractor();

  @Test
  void deeplyNestedMarkupIsFlattenedAtTheDepthCap() {
    String html = "<html><body>" + "<div>".repeat(50_000) + PARAGRAPH.repeat(3) + "</div>".repeat(50_000) + "</body></html>";

    ExtractedArticle a = assertTimeoutPreemptively(HANG_GUARD, () -> extractor.extract(html, "https://x.example/a"));

    assertThat(a.text()).contains("Golovnoi water intake");
  }

  @Test
  void pagesWithMoreTagsThanTheCapKeepTheirBeginning() {
    String html = "<html><body><article>" + PARAGRAPH.repeat(3) + "</article>" + "<span>".repeat(ArticleExtractor.MAX_TAGS)
        + "<p>Never reached</p></body></html>";

    ExtractedArticle a = assertTimeoutPreemptively(HANG_GUARD, () -> extractor.extract(html, null));

    assertThat(a.text()).contains("Golovnoi water intake").doesNotContain("Never reached");
  }

  @Test
  void unclosedInlineTagsDoNotBlowUp() {
    String html = "<body>" + "<b><i><span>".repeat(20_000) + PARAGRAPH + "</body>";

    ExtractedArticle a = assertTimeoutPreemptively(HANG_GUARD, () -> extractor.extract(html, null));

    assertThat(a.text()).contains("Golovnoi water intake");
  }

  @Test
  void hugePageIsCutAtTheInputCapAndTextIsBounded() {
    String html = "<html><body><article>" + PARAGRAPH.repeat(80_000) + "</article></body></html>";
    assertThat(html.length()).isGreaterThan(ArticleExtractor.MAX_HTML_CHARS);

    ExtractedArticle a = assertTimeoutPreemptively(HANG_GUARD, () -> extractor.extract(html, "https://x.example/"));

    assertThat(a.text()).startsWith("Border guards").hasSizeLessThanOrEqualTo(ArticleExtractor.MAX_TEXT_CHARS);
  }

  @Test
  void binaryGarbageAndEmptyInputGiveEmptyTextNotAnError() {
    byte[] noise = new byte[50_000];
    new java.util.Random(7).nextBytes(noise);

    assertThat(extractor.extract(new String(noise, java.nio.charset.StandardCharsets.ISO_8859_1), "https://x.example/").text())
        .hasSizeLessThan(ArticleExtractor.MAX_TEXT_CHARS);
    ExtractedArticle empty = extractor.extract("", "https://x.example/2024/05/01/story");
    assertThat(empty.text()).isEmpty();
    assertThat(empty.canonicalUrl()).isEqualTo("https://x.example/2024/05/01/story");
    assertThat(empty.publishedAt()).hasToString("2024-05-01T00:00:00Z");
  }

  @Test
  void brokenJsonLdAndBadDatesAreIgnoredNotFatal() {
    String html = "<html><head><script type=application/ld+json>{\"@type\": \"NewsArticle\", \"headline\": </script>"
        + "<meta property=article:published_time content='last Tuesday'></head><body><h1>Title</h1>"
        + PARAGRAPH.repeat(2) + "</body></html>";

    ExtractedArticle a = extractor.extract(html, "not a url at all");

    assertThat(a.title()).isEqualTo("Title");
    assertThat(a.publishedAt()).isNull();
    assertThat(a.canonicalUrl()).isNull();
    assertThat(a.text()).contains("Golovnoi");
  }

  @Test
  void nullHtmlIsACallerErrorNamingThePage() {
    assertThatThrownBy(() -> extractor.extract(null, "https://x.example/p"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("https://x.example/p");
  }

  @Test
  void fallsBackToJsonLdArticleBodyWhenThePageRendersItWithScript() {
    String html = "<html><head><script type='application/ld+json'>{\"@type\":\"NewsArticle\",\"headline\":\"H\","
        + "\"articleBody\":\"Uzbekistan and Kazakhstan agreed to build a joint hydropower plant on the Syr Darya, "
        + "the two governments said on Friday, in a deal worth about $2.5 billion.\"}</script></head>"
        + "<body><div id=root></div><script>render()</script></body></html>";

    ExtractedArticle a = extractor.extract(html, "https://x.example/a");

    assertThat(a.text()).startsWith("Uzbekistan and Kazakhstan agreed");
    assertThat(a.provenance()).containsEntry("text", "json-ld");
  }
}
