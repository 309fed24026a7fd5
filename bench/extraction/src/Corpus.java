import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import org.jsoup.Jsoup;

/** One benchmark page: its HTML, the URL it claims, and the gold text. */
record Corpus(String name, List<Page> pages) {

  record Page(String id, String url, String html, String truth) {}

  /** ../shared/corpus/article-extraction-benchmark: html/ID.html.gz + ground-truth.json. */
  static Corpus articleExtractionBenchmark(Path dir) throws IOException {
    JsonNode truth = new ObjectMapper().readTree(dir.resolve("ground-truth.json").toFile());
    List<Page> pages = new ArrayList<>();
    for (String id : new TreeMap<>(toMap(truth)).keySet()) {
      Path file = dir.resolve("html").resolve(id + ".html.gz");
      String html;
      try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
        html = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      JsonNode t = truth.get(id);
      pages.add(new Page(id, t.path("url").asText(null), html, t.path("articleBody").asText("")));
    }
    return new Corpus("article-extraction-benchmark", pages);
  }

  /** ../shared/corpus/readability-test-pages: gold is the block-aware text of expected.html. */
  static Corpus readabilityTestPages(Path dir) throws IOException {
    List<Page> pages = new ArrayList<>();
    try (var dirs = Files.list(dir)) {
      for (Path d : dirs.sorted().toList()) {
        Path source = d.resolve("source.html");
        Path expected = d.resolve("expected.html");
        if (!Files.exists(source) || !Files.exists(expected)) {
          continue;
        }
        String gold = BlockText.of(Jsoup.parse(Files.readString(expected)).body());
        pages.add(new Page(d.getFileName().toString(), "http://fakehost/test/page.html",
            Files.readString(source), gold));
      }
    }
    return new Corpus("readability-test-pages", pages);
  }

  private static java.util.Map<String, JsonNode> toMap(JsonNode node) {
    java.util.Map<String, JsonNode> m = new java.util.HashMap<>();
    node.properties().forEach(e -> m.put(e.getKey(), e.getValue()));
    return m;
  }
}
