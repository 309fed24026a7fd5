package io.newsflow.enrich.dedupe;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The story-grouping labelled set (test resource {@code stories/labelled-stories.txt}, rules in its
 * header): articles by topic and event, and the pairs within each topic that the test scores.
 */
final class LabelledStories {

  static final String RESOURCE = "/stories/labelled-stories.txt";
  static final String FRESH = "/stories/labelled-stories-fresh.txt";

  record Article(String id, String topic, String event, String outlet, Instant published, String title,
                 String text) {}

  /** Two articles of one topic; {@code sameStory} when they report one event. */
  record Pair(Article a, Article b, boolean sameStory) {}

  private LabelledStories() {}

  static List<Article> articles() throws IOException {
    return articles(RESOURCE);
  }

  static List<Article> articles(String resource) throws IOException {
    try (InputStream in = LabelledStories.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IOException(resource + " is not on the test classpath");
      }
      String all = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      List<Article> out = new ArrayList<>();
      for (String block : all.split("(?m)^=== ")) {
        if (block.startsWith("#") || block.isBlank()) {
          continue;
        }
        String[] lines = block.strip().split("\n", 3);
        String[] h = lines[0].split(" \\| ");
        if (h.length != 5 || lines.length < 3) {
          throw new IOException("malformed story block: " + lines[0]);
        }
        out.add(new Article(h[0].strip(), h[1].strip(), h[2].strip(), h[3].strip(), Instant.parse(h[4].strip()),
            lines[1].strip(), lines[2].strip()));
      }
      return out;
    }
  }

  /** Every pair of articles within one topic: same event or a hard negative on the same subject. */
  static List<Pair> pairs(List<Article> articles) {
    List<Pair> out = new ArrayList<>();
    for (int i = 0; i < articles.size(); i++) {
      for (int j = i + 1; j < articles.size(); j++) {
        Article a = articles.get(i);
        Article b = articles.get(j);
        if (a.topic().equals(b.topic())) {
          out.add(new Pair(a, b, a.event().equals(b.event())));
        }
      }
    }
    return out;
  }
}
