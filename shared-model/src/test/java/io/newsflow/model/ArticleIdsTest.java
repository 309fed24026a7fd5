package io.newsflow.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsflow.model.article.ArticleIds;
import io.newsflow.model.article.CanonicalUrl;
import org.junit.jupiter.api.Test;

class ArticleIdsTest {

  @Test
  void trackingDecorationsDoNotChangeTheArticleId() {
    String plain = "https://steppe-herald.example/news/csto-drills?id=42";
    assertThat(ArticleIds.fromUrl("HTTPS://Steppe-Herald.example:443/news/csto-drills?utm_source=rss&id=42&fbclid=abc#comments"))
        .isEqualTo(ArticleIds.fromUrl(plain));
    assertThat(ArticleIds.fromUrl(plain)).hasSize(32).matches("[0-9a-f]+");
  }

  @Test
  void differentPathsAndMeaningfulParametersGiveDifferentIds() {
    assertThat(ArticleIds.fromUrl("https://a.example/news?id=1")).isNotEqualTo(ArticleIds.fromUrl("https://a.example/news?id=2"));
    assertThat(ArticleIds.fromUrl("https://a.example/News")).isNotEqualTo(ArticleIds.fromUrl("https://a.example/news"));
  }

  @Test
  void canonicalFormSortsParametersAndKeepsNonDefaultPorts() {
    assertThat(CanonicalUrl.normalise("http://a.example:8080/x?b=2&a=1")).isEqualTo("http://a.example:8080/x?a=1&b=2");
    assertThat(CanonicalUrl.normalise("http://a.example")).isEqualTo("http://a.example/");
  }

  @Test
  void nonHttpUrlsAreRefused() {
    assertThatThrownBy(() -> CanonicalUrl.normalise("file:///etc/passwd")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CanonicalUrl.normalise("not a url")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void contentHashIgnoresWhitespacePunctuationAndCase() {
    assertThat(ArticleIds.contentHash("Tokayev met Putin —  in Astana.\n\nTalks lasted hours"))
        .isEqualTo(ArticleIds.contentHash("tokayev met putin in astana talks lasted hours"));
    assertThat(ArticleIds.contentHash("Tokayev met Putin")).isNotEqualTo(ArticleIds.contentHash("Tokayev met Xi"));
  }
}
