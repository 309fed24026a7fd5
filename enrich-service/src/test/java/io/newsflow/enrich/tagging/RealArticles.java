package io.newsflow.enrich.tagging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Entities;

/**
 * Real news text from the shared public corpus ({@code ../shared/corpus}, beside the checkout), read in
 * place and never copied into the repository: the gold article texts of the article-extraction benchmark
 * and the expected article HTML of Readability's test pages, as plain text with paragraphs separated by
 * a blank line (the form ingest-service hands to enrichment).
 */
final class RealArticles {

  /** The crawl period of the benchmark pages, for the pages whose address carries no date. */
  static final Instant FIXED_DAY = Instant.parse("2019-11-20T12:00:00Z");

  /**
   * @param datedBy where {@code published} came from: "metadata", "url" or "fixed"
   */
  record RealArticle(String corpus, String id, String title, String text, Instant published, String datedBy) {}

  private static final Pattern URL_DAY = Pattern.compile("/((?:19|20)\\d{2})/(\\d{1,2})/(\\d{1,2})/");
  private static final Pattern URL_DASHED_DAY = Pattern.compile("/((?:19|20)\\d{2})-(\\d{2})-(\\d{2})/");
  private static final Pattern DROPPED = Pattern.compile(
      "(?is)<(script|style|noscript|svg|math)\\b.*?</\\1\\s*>|<!--.*?-->");
  private static final Pattern BLOCK_TAG = Pattern.compile(
      "(?i)</?(p|div|section|article|header|footer|aside|main|nav|h[1-6]|li|ul|ol|dl|dt|dd|tr|table|thead|tbody"
          + "|blockquote|pre|figure|figcaption|hr|br|form|address)\\b[^>]*>");
  private static final Pattern ANY_TAG = Pattern.compile("<[^>]*>");

  private RealArticles() {}

  /** The corpus folder found by walking up from the working directory, or null when it is absent. */
  static Path corpus() {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      Path candidate = p.resolve("shared/corpus");
      if (Files.isDirectory(candidate.resolve("article-extraction-benchmark"))
          && Files.isDirectory(candidate.resolve("readability-test-pages"))) {
        return candidate;
      }
    }
    return null;
  }

  static List<RealArticle> load(Path corpus) throws IOException {
    List<RealArticle> all = new ArrayList<>(benchmarkArticles(corpus.resolve("article-extraction-benchmark")));
    all.addAll(readabilityPages(corpus.resolve("readability-test-pages")));
    return all;
  }

  /** {@code ground-truth.json}: id to {articleBody, url}. No title; the day from the address where it has one. */
  static List<RealArticle> benchmarkArticles(Path dir) throws IOException {
    JsonNode truth = new ObjectMapper().readTree(dir.resolve("ground-truth.json").toFile());
    TreeMap<String, JsonNode> byId = new TreeMap<>();
    truth.properties().forEach(e -> byId.put(e.getKey(), e.getValue()));
    List<RealArticle> out = new ArrayList<>();
    byId.forEach((id, page) -> {
      String url = page.path("url").asText("");
      Instant day = dayInUrl(url);
      out.add(new RealArticle("article-extraction-benchmark", id.substring(0, 12), "",
          paragraphs(page.path("articleBody").asText("")), day == null ? FIXED_DAY : day, day == null ? "fixed" : "url"));
    });
    return out;
  }

  /** One folder per page: {@code expected.html} (the article) and {@code expected-metadata.json} (title, date). */
  static List<RealArticle> readabilityPages(Path dir) throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<RealArticle> out = new ArrayList<>();
    try (var pages = Files.list(dir)) {
      for (Path page : pages.sorted().toList()) {
        Path expected = page.resolve("expected.html");
        Path metadataFile = page.resolve("expected-metadata.json");
        if (!Files.exists(expected) || !Files.exists(metadataFile)) {
          continue;
        }
        JsonNode metadata = json.readTree(metadataFile.toFile());
        Instant published = parseInstant(metadata.path("publishedTime").asText(null));
        out.add(new RealArticle("readability-test-pages", page.getFileName().toString(),
            metadata.path("title").asText(""), textOfHtml(Files.readString(expected)),
            published == null ? FIXED_DAY : published, published == null ? "fixed" : "metadata"));
      }
    }
    return out;
  }

  /** Block elements become paragraph breaks, other whitespace collapses to one space. */
  static String textOfHtml(String html) {
    String s = DROPPED.matcher(html).replaceAll(" ");
    s = BLOCK_TAG.matcher(s).replaceAll("\n\n");
    s = ANY_TAG.matcher(s).replaceAll("");
    return paragraphs(Entities.unescape(s)); // every HTML entity, by jsoup's table
  }

  /** Whitespace inside a paragraph collapsed to one space, paragraphs (split at line breaks) joined by a blank line. */
  static String paragraphs(String text) {
    List<String> kept = new ArrayList<>();
    for (String line : text.split("\\R")) {
      String p = line.replaceAll("[\\s\\u00A0]+", " ").strip();
      if (!p.isEmpty()) {
        kept.add(p);
      }
    }
    return String.join("\n\n", kept);
  }

  static Instant dayInUrl(String url) {
    for (Pattern p : List.of(URL_DAY, URL_DASHED_DAY)) {
      Matcher m = p.matcher(url);
      if (m.find()) {
        try {
          return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)))
              .atTime(12, 0).toInstant(ZoneOffset.UTC);
        } catch (java.time.DateTimeException e) {
          return null;
        }
      }
    }
    return null;
  }

  private static Instant parseInstant(String value) {
    if (value == null || value.isBlank() || value.equals("null")) {
      return null;
    }
    try {
      return java.time.OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException e) {
      try {
        return LocalDate.parse(value.substring(0, Math.min(10, value.length()))).atTime(12, 0).toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException | StringIndexOutOfBoundsException e2) {
        return null;
      }
    }
  }
}
