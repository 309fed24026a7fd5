package io.newsflow.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every page of the shared readability-test-pages corpus (real news, blogs and edge cases) goes through
 * the extractor without an error, and pages a person would call an article give text. Quality figures
 * are the benchmark's job (bench/extraction); this guards against crashes and empty results.
 */
class RealPagesCorpusTest {

  static Path corpus(String name) {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      Path candidate = p.resolve("shared/corpus").resolve(name);
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    return null;
  }

  @Test
  void everyRealPageExtractsAndArticlesGiveText() throws IOException {
    Path dir = corpus("readability-test-pages");
    assumeTrue(dir != null, "../shared/corpus/readability-test-pages is absent: skipping the real-pages check");
    ArticleExtractor extractor = new ArticleExtractor();
    ObjectMapper json = new ObjectMapper();
    int articles = 0;
    List<String> empty = new ArrayList<>();
    try (var pages = Files.list(dir)) {
      for (Path page : pages.sorted().toList()) {
        Path source = page.resolve("source.html");
        Path metadata = page.resolve("expected-metadata.json");
        if (!Files.exists(source) || !Files.exists(metadata)) {
          continue;
        }
        ExtractedArticle a = extractor.extract(Files.readString(source), "http://fakehost/test/page.html");
        if (json.readTree(metadata.toFile()).path("readerable").asBoolean(false)) {
          articles++;
          if (a.text().length() < 100) {
            empty.add(page.getFileName().toString());
          }
        }
      }
    }
    assertThat(articles).isGreaterThan(100);
    assertThat(empty).as("article pages with (almost) no text").hasSizeLessThanOrEqualTo(articles / 50);
  }
}
