package io.newsflow.ingest.extract;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Finds the page's article object in its JSON-LD blocks. Jackson rather than a hand-written reader,
 * because real blocks are sloppy (raw newlines in strings, comments, trailing commas) and Jackson's
 * lenient features cover exactly those while keeping depth and size limits.
 */
final class JsonLdReader {

  private static final Set<String> ARTICLE_TYPES = Set.of(
      "article", "newsarticle", "reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle",
      "backgroundnewsarticle", "reviewnewsarticle", "blogposting", "liveblogposting", "report",
      "techarticle", "scholarlyarticle", "socialmediaposting", "posting");

  private static final JsonMapper MAPPER = JsonMapper.builder()
      .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS, JsonReadFeature.ALLOW_JAVA_COMMENTS,
          JsonReadFeature.ALLOW_TRAILING_COMMA, JsonReadFeature.ALLOW_SINGLE_QUOTES,
          JsonReadFeature.ALLOW_BACKSLASH_ESCAPING_ANY_CHARACTER)
      .build();

  static {
    MAPPER.getFactory().setStreamReadConstraints(
        StreamReadConstraints.builder().maxNestingDepth(64).maxStringLength(2_000_000).build());
    MAPPER.getFactory().disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);
  }

  private JsonLdReader() {}

  /** The first article-typed object (one with a headline preferred), or null. */
  static JsonNode findArticle(Document doc) {
    List<JsonNode> found = new ArrayList<>();
    for (Element script : doc.select("script[type~=(?i)application/ld\\+json]")) {
      String json = script.data().strip();
      if (json.isEmpty()) {
        continue;
      }
      try {
        collect(MAPPER.readTree(json), found, 0);
      } catch (Exception e) {
        // a broken block is common and must not cost the rest of the page its metadata
      }
    }
    for (JsonNode node : found) {
      if (node.hasNonNull("headline")) {
        return node;
      }
    }
    return found.isEmpty() ? null : found.get(0);
  }

  private static void collect(JsonNode node, List<JsonNode> out, int depth) {
    if (node == null || depth > 6) {
      return;
    }
    if (node.isArray()) {
      node.forEach(n -> collect(n, out, depth + 1));
      return;
    }
    if (!node.isObject()) {
      return;
    }
    if (isArticle(node)) {
      out.add(node);
    }
    collect(node.get("@graph"), out, depth + 1);
    collect(node.get("mainEntity"), out, depth + 1);
  }

  private static boolean isArticle(JsonNode node) {
    for (String type : strings(node.get("@type"))) {
      String t = type.toLowerCase(java.util.Locale.ROOT);
      int slash = t.lastIndexOf('/');
      if (ARTICLE_TYPES.contains(slash >= 0 ? t.substring(slash + 1) : t)) {
        return true;
      }
    }
    return false;
  }

  /** Text value of a field that may be a string, an object with a name/url/@id, or an array of those. */
  static List<String> strings(JsonNode node) {
    Set<String> out = new LinkedHashSet<>();
    addStrings(node, out, 0);
    return new ArrayList<>(out);
  }

  private static void addStrings(JsonNode node, Set<String> out, int depth) {
    if (node == null || node.isNull() || depth > 4) {
      return;
    }
    if (node.isArray()) {
      node.forEach(n -> addStrings(n, out, depth + 1));
    } else if (node.isObject()) {
      for (String key : List.of("name", "url", "contentUrl", "@id")) {
        if (node.hasNonNull(key) && node.get(key).isValueNode()) {
          String s = node.get(key).asText().strip();
          if (!s.isEmpty()) {
            out.add(s);
            return;
          }
        }
      }
    } else if (node.isValueNode()) {
      String s = node.asText().strip();
      if (!s.isEmpty()) {
        out.add(s);
      }
    }
  }

  static String first(JsonNode article, String field) {
    if (article == null) {
      return null;
    }
    List<String> values = strings(article.get(field));
    return values.isEmpty() ? null : values.get(0);
  }
}
