package io.newsflow.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SanitisedHtmlTest {

  private final ArticleExtractor extractor = new ArticleExtractor();

  @Test
  void storedHtmlKeepsStructureButNoScriptsHandlersOrStyles() {
    String body = "<article><p onclick=\"steal()\" style=\"color:red\">Tajikistan's parliament ratified the border "
        + "treaty with Kyrgyzstan on Wednesday, ending decades of dispute over the Fergana valley frontier.</p>"
        + "<script>alert(1)</script><p>Read the <a href=\"/docs/treaty.pdf\" onmouseover=\"x()\">full text</a> "
        + "and the <a href=\"javascript:alert(2)\">annex</a>, which lists more than ninety villages and roads.</p>"
        + "<img src=\"/img/map.png\" onerror=\"x()\"><iframe src=\"https://evil.example\"></iframe></article>";

    String html = extractor.extract("<html><body>" + body + "</body></html>", "https://news.example/asia/story").html();

    assertThat(html).contains("<p>Tajikistan's parliament", "href=\"https://news.example/docs/treaty.pdf\"",
        "src=\"https://news.example/img/map.png\"", "rel=\"nofollow noopener\"")
        .doesNotContain("onclick", "onmouseover", "onerror", "style=", "<script", "alert", "<iframe", "javascript:");
  }
}
