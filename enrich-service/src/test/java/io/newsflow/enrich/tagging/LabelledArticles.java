package io.newsflow.enrich.tagging;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The hand-labelled articles of {@code tagging/labelled-articles.json} (conventions in the README beside it). */
final class LabelledArticles {

  static final String RESOURCE = "tagging/labelled-articles.json";
  static final String FRESH = "tagging/labelled-articles-fresh.json";
  static final String HELD_OUT = "tagging/labelled-articles-heldout.json";
  static final String FRESH_2 = "tagging/labelled-articles-fresh-2.json";

  record GoldEvent(LocalDate start, LocalDate end, String precision) {}

  record Article(String id, Instant publishedAt, String title, String text, List<String> actors,
                 List<String> themes, List<GoldEvent> events) {}

  record File(String description, List<Article> articles) {}

  private LabelledArticles() {}

  static List<Article> load() throws IOException {
    return load(RESOURCE);
  }

  static List<Article> load(String resource) throws IOException {
    try (InputStream in = LabelledArticles.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IOException(resource + " is not on the test classpath");
      }
      return JsonMapper.builder().addModule(new JavaTimeModule())
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build()
          .readValue(in, File.class).articles();
    }
  }
}
