package io.newsflow.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden files: {@code extract/fixtures/x.html} beside {@code x.expected.txt}, the exact article text
 * a reader would want (no navigation, share bars, related lists, nags, comments or repeated bylines).
 * Each page is extracted as if fetched from the URL {@link #pageUrl} gives it, so relative links resolve.
 */
class ArticleExtractorGoldenTest {

  static final ArticleExtractor EXTRACTOR = new ArticleExtractor();

  static Stream<String> fixtures() {
    return Stream.of("csto-drills-kazakhstan", "january-events-anniversary-blog", "caspian-pipeline-wire",
        "sco-summit-ru", "peacekeeping-live-nag");
  }

  static String pageUrl(String fixture) {
    return switch (fixture) {
      case "csto-drills-kazakhstan" -> "https://steppemonitor.example/security/2024/09/12/csto-drills-almaty?utm_source=telegram";
      case "january-events-anniversary-blog" -> "https://caspiannotes.example/2024/01/qandy-qantar-two-years-on.html";
      case "caspian-pipeline-wire" -> "https://eurasiawire.example/business/2023/03/28/kazakhstan-oil-china-cpc?ito=rss";
      case "sco-summit-ru" -> "https://stepnews.example/politics/sco-astana-summit-tokayev?utm_source=tg";
      default -> "https://bishkekdaily.example/news/2025/06/17/kyrgyz-peacekeepers-golan";
    };
  }

  static String resource(String name) throws IOException {
    try (InputStream in = ArticleExtractorGoldenTest.class.getResourceAsStream("/extract/fixtures/" + name)) {
      if (in == null) {
        throw new IOException("missing test resource extract/fixtures/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  static ExtractedArticle extract(String fixture) throws IOException {
    return EXTRACTOR.extract(resource(fixture + ".html"), pageUrl(fixture));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void extractsExactlyTheArticleText(String fixture) throws IOException {
    String expected = resource(fixture + ".expected.txt").strip();

    assertThat(extract(fixture).text()).isEqualTo(expected);
  }
}
