package io.newsflow.localstack.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The demo corpus on the classpath ({@code demo/manifest.tsv}, {@code demo/feeds.tsv} and the files under
 * {@code demo/site/}), rendered once for one base URL. Files are templates: every {@code {{BASE_URL}}} becomes
 * the server's address, so feed links point back at whichever port the server got.
 */
final class DemoCorpus {

  static final String BASE_URL_PLACEHOLDER = "{{BASE_URL}}";
  /** Lists the feeds as {@code url<TAB>title} lines, so a script or container can register them. */
  static final String FEED_LIST_PATH = "/demo-feeds.txt";
  private static final String ROOT = "demo/";

  /** One servable file: what the server needs to answer a GET, including conditional ones. */
  record Resource(String path, byte[] body, String contentType, Instant lastModified, String etag) {}

  /** A feed of the corpus, as a path on the server and the title to register it with. */
  record Feed(String path, String title) {}

  private final Map<String, Resource> byPath;
  private final List<Feed> feeds;

  private DemoCorpus(Map<String, Resource> byPath, List<Feed> feeds) {
    this.byPath = byPath;
    this.feeds = feeds;
  }

  String feedListing() {
    return new String(byPath.get(FEED_LIST_PATH).body(), StandardCharsets.UTF_8);
  }

  static DemoCorpus load(String baseUrl) {
    Map<String, Resource> resources = new LinkedHashMap<>();
    for (String[] row : readTable(ROOT + "manifest.tsv", 4)) {
      String template = readText(ROOT + "site/" + row[1]);
      byte[] body = template.replace(BASE_URL_PLACEHOLDER, baseUrl).getBytes(StandardCharsets.UTF_8);
      resources.put(row[0], new Resource(row[0], body, row[2], Instant.parse(row[3]), etagOf(body)));
    }
    List<Feed> feeds = new ArrayList<>();
    for (String[] row : readTable(ROOT + "feeds.tsv", 2)) {
      if (!resources.containsKey(row[0])) {
        throw new IllegalStateException("demo/feeds.tsv names " + row[0] + " which demo/manifest.tsv does not list");
      }
      feeds.add(new Feed(row[0], row[1]));
    }
    StringBuilder listing = new StringBuilder();
    Instant newest = Instant.EPOCH;
    for (Feed feed : feeds) {
      listing.append(baseUrl).append(feed.path()).append('\t').append(feed.title()).append('\n');
      Instant modified = resources.get(feed.path()).lastModified();
      newest = modified.isAfter(newest) ? modified : newest;
    }
    byte[] listingBody = listing.toString().getBytes(StandardCharsets.UTF_8);
    resources.put(FEED_LIST_PATH, new Resource(FEED_LIST_PATH, listingBody, "text/plain; charset=utf-8", newest, etagOf(listingBody)));
    return new DemoCorpus(Map.copyOf(resources), List.copyOf(feeds));
  }

  Resource find(String path) {
    return byPath.get(path);
  }

  List<Feed> feeds() {
    return feeds;
  }

  /** Article pages, in manifest order. */
  List<String> pagePaths() {
    return byPath.values().stream()
        .filter(r -> r.contentType().startsWith("text/html"))
        .map(Resource::path)
        .sorted()
        .toList();
  }

  private static List<String[]> readTable(String resource, int columns) {
    List<String[]> rows = new ArrayList<>();
    for (String line : readText(resource).split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] cells = line.split("\t");
      if (cells.length != columns) {
        throw new IllegalStateException(resource + ": expected " + columns + " tab-separated columns in: " + line);
      }
      rows.add(cells);
    }
    return rows;
  }

  private static String readText(String resource) {
    try (InputStream in = DemoCorpus.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("demo corpus file missing from the classpath: " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }

  // strong validator from the rendered bytes, so a different base URL never reuses a stale tag
  private static String etagOf(byte[] body) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
      return "\"" + HexFormat.of().formatHex(digest, 0, 12) + "\"";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every JDK", e);
    }
  }
}
