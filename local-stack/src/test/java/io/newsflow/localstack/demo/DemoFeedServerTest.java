package io.newsflow.localstack.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class DemoFeedServerTest {

  private static final String ATOM = "http://www.w3.org/2005/Atom";
  private static final String CONTENT = "http://purl.org/rss/1.0/modules/content/";

  private static DemoFeedServer demo;
  private static final HttpClient http = HttpClient.newHttpClient();

  /** One item of a feed as a feed reader would see it. */
  record Item(String feed, String title, String link, int year, boolean hasFullContent) {}

  @BeforeAll
  static void start() {
    demo = DemoFeedServer.start(0);
  }

  @AfterAll
  static void stop() {
    demo.close();
  }

  @Test
  void everyFeedParsesAndEveryLinkedPageIsServedWithItsHeadline() throws Exception {
    List<Item> items = readAllFeeds();

    assertThat(demo.feedUrls()).hasSizeGreaterThanOrEqualTo(3);
    assertThat(items).hasSizeGreaterThanOrEqualTo(30);
    for (Item item : items) {
      assertThat(item.link()).as("link of %s", item.title()).startsWith(demo.baseUrl() + "/");
      HttpResponse<String> page = get(item.link());
      assertThat(page.statusCode()).as("GET %s", item.link()).isEqualTo(200);
      assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
      assertThat(unescapeHtml(page.body())).as("page %s", item.link()).contains("<h1").contains(item.title());
      assertThat(page.body()).doesNotContain(DemoCorpus.BASE_URL_PLACEHOLDER);
    }
    Set<String> linkedPaths = new TreeSet<>();
    items.forEach(i -> linkedPaths.add(URI.create(i.link()).getPath()));
    Set<String> servedPaths = new TreeSet<>();
    demo.pageUrls().forEach(u -> servedPaths.add(URI.create(u).getPath()));
    assertThat(linkedPaths).as("every page is reachable from a feed").isEqualTo(servedPaths);
  }

  @Test
  void corpusLooksLikeATimelineFromSeveralKindsOfFeed() throws Exception {
    List<Item> items = readAllFeeds();

    Set<Integer> years = new TreeSet<>();
    items.forEach(i -> years.add(i.year()));
    assertThat(years).containsAll(List.of(2022, 2023, 2024, 2025));
    // most items carry only a summary, so ingest has to fetch and extract the page
    long full = items.stream().filter(Item::hasFullContent).count();
    assertThat(full).isPositive().isLessThan(items.size() / 2);
    Set<String> contentTypes = new HashSet<>();
    for (String feed : demo.feedUrls()) {
      contentTypes.add(get(feed).headers().firstValue("Content-Type").orElseThrow());
    }
    assertThat(contentTypes).contains("application/rss+xml; charset=utf-8", "application/atom+xml; charset=utf-8");
  }

  @Test
  void oneWireStoryIsSyndicatedOnThreeSitesUnderDifferentHeadlines() throws Exception {
    String wireSentence = "It has never before invoked Article 4 of its charter, which treats aggression against one member"
        + " as aggression against all.";
    List<String> carriers = new ArrayList<>();
    Set<String> headlines = new HashSet<>();
    for (String url : demo.pageUrls()) {
      String body = unescapeHtml(get(url).body());
      if (body.contains(wireSentence)) {
        carriers.add(url);
        headlines.add(body.substring(body.indexOf("<h1"), body.indexOf("</h1>")));
      }
    }
    assertThat(carriers).hasSize(3);
    assertThat(headlines).hasSize(3);
  }

  @Test
  void answersConditionalRequestsWithNotModified() throws Exception {
    String feed = demo.feedUrls().getFirst();
    HttpResponse<String> first = get(feed);
    String etag = first.headers().firstValue("ETag").orElseThrow();
    String lastModified = first.headers().firstValue("Last-Modified").orElseThrow();
    long before = demo.notModifiedServed();

    HttpResponse<String> byEtag = http.send(HttpRequest.newBuilder(URI.create(feed)).header("If-None-Match", etag).build(),
        HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> byDate = http.send(HttpRequest.newBuilder(URI.create(feed)).header("If-Modified-Since", lastModified).build(),
        HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> staleTag = http.send(HttpRequest.newBuilder(URI.create(feed)).header("If-None-Match", "\"not-it\"").build(),
        HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> olderDate = http.send(HttpRequest.newBuilder(URI.create(feed))
        .header("If-Modified-Since", "Mon, 01 Jan 2018 00:00:00 GMT").build(), HttpResponse.BodyHandlers.ofString());

    assertThat(byEtag.statusCode()).isEqualTo(304);
    assertThat(byEtag.body()).isEmpty();
    assertThat(byDate.statusCode()).isEqualTo(304);
    assertThat(staleTag.statusCode()).isEqualTo(200);
    assertThat(staleTag.body()).isEqualTo(first.body());
    assertThat(olderDate.statusCode()).isEqualTo(200);
    assertThat(demo.notModifiedServed() - before).isEqualTo(2);
  }

  @Test
  void ignoresTrackingQueryAndAnswersUnknownPathsWith404() throws Exception {
    String page = demo.pageUrls().getFirst();
    assertThat(get(page + "?utm_source=rss&utm_medium=feed").body()).isEqualTo(get(page).body());
    assertThat(get(demo.baseUrl() + "/no-such-site/article-1").statusCode()).isEqualTo(404);
    HttpResponse<String> post = http.send(HttpRequest.newBuilder(URI.create(page)).POST(HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(post.statusCode()).isEqualTo(405);
  }

  @Test
  void twoServersRunSideBySideWithTheirOwnLinks() throws Exception {
    try (DemoFeedServer other = DemoFeedServer.start(0)) {
      assertThat(other.baseUrl()).isNotEqualTo(demo.baseUrl());
      assertThat(get(other.feedUrls().getFirst()).body()).contains(other.baseUrl()).doesNotContain(demo.baseUrl());
    }
  }

  @Test
  void listsItsFeedsForScriptsToRegister() throws Exception {
    List<String> lines = get(demo.baseUrl() + "/demo-feeds.txt").body().lines().toList();
    assertThat(lines).hasSameSizeAs(demo.feedUrls());
    for (int i = 0; i < lines.size(); i++) {
      assertThat(lines.get(i)).isEqualTo(demo.feedUrls().get(i) + "\t" + demo.feedTitles().get(i));
    }
  }

  @Test
  void linksUseThePublicUrlWhenServingAContainerNetwork() throws Exception {
    var bind = new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0);
    try (DemoFeedServer published = DemoFeedServer.start(bind, "http://demo-feeds:8090/")) {
      String local = "http://127.0.0.1:" + published.port();
      String feed = get(local + "/eurasia-desk/feed/atom/").body();
      assertThat(feed).contains("href=\"http://demo-feeds:8090/eurasia-desk/analysis/").doesNotContain(local);
      assertThat(published.feedUrls()).allSatisfy(url -> assertThat(url).startsWith("http://demo-feeds:8090/"));
    }
  }

  private List<Item> readAllFeeds() throws Exception {
    List<Item> items = new ArrayList<>();
    for (String feed : demo.feedUrls()) {
      HttpResponse<String> response = get(feed);
      assertThat(response.statusCode()).as("GET %s", feed).isEqualTo(200);
      Document xml = parseXml(response.body());
      Element root = xml.getDocumentElement();
      if (root.getLocalName().equals("feed") && ATOM.equals(root.getNamespaceURI())) {
        NodeList entries = root.getElementsByTagNameNS(ATOM, "entry");
        for (int i = 0; i < entries.getLength(); i++) {
          Element entry = (Element) entries.item(i);
          String published = text(entry, ATOM, "published");
          items.add(new Item(feed, text(entry, ATOM, "title"), alternateLink(entry),
              OffsetDateTime.parse(published).getYear(), entry.getElementsByTagNameNS(ATOM, "content").getLength() > 0));
        }
      } else {
        assertThat(root.getLocalName()).as("root of %s", feed).isEqualTo("rss");
        NodeList rssItems = root.getElementsByTagName("item");
        for (int i = 0; i < rssItems.getLength(); i++) {
          Element item = (Element) rssItems.item(i);
          String pubDate = text(item, null, "pubDate");
          items.add(new Item(feed, text(item, null, "title"), text(item, null, "link"),
              ZonedDateTime.parse(pubDate, DateTimeFormatter.RFC_1123_DATE_TIME).getYear(),
              item.getElementsByTagNameNS(CONTENT, "encoded").getLength() > 0));
        }
      }
    }
    return items;
  }

  private static Document parseXml(String body) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return factory.newDocumentBuilder().parse(new ByteArrayInputStream(body.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
  }

  private static String text(Element parent, String namespace, String name) {
    NodeList nodes = namespace == null ? parent.getElementsByTagName(name) : parent.getElementsByTagNameNS(namespace, name);
    assertThat(nodes.getLength()).as("<%s> in <%s>", name, parent.getTagName()).isPositive();
    return nodes.item(0).getTextContent().strip();
  }

  private static String alternateLink(Element entry) {
    NodeList links = entry.getElementsByTagNameNS(ATOM, "link");
    for (int i = 0; i < links.getLength(); i++) {
      Element link = (Element) links.item(i);
      if (link.getAttribute("rel").isEmpty() || link.getAttribute("rel").equals("alternate")) {
        return link.getAttribute("href");
      }
    }
    throw new AssertionError("Atom entry without an alternate link");
  }

  private static HttpResponse<String> get(String url) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String unescapeHtml(String html) {
    return html.replace("&#x27;", "'").replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
  }
}
