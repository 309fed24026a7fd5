package io.newsflow.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsflow.ingest.http.FailureCategory;
import io.newsflow.ingest.support.TestWebServer;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class FeedParserTest {

  static final URI FEED_URL = URI.create("https://news.example.kz/feeds/security.rss");
  final FeedParser parser = new FeedParser(Clock.fixed(Instant.parse("2024-09-15T00:00:00Z"), ZoneOffset.UTC));

  ParsedFeed parse(String xml, String contentType) {
    return parser.parse(xml.getBytes(StandardCharsets.UTF_8), contentType, FEED_URL, ZoneOffset.UTC);
  }

  @Test
  void readsRss2ItemsWithRelativeLinksAndDatesInUtc() {
    ParsedFeed feed = parse(TestWebServer.readFixture("feeds/steppe-dispatch.rss.xml").replace("{{base}}", "https://news.example.kz"), null);
    assertThat(feed.format()).isEqualTo("rss_2.0");
    assertThat(feed.title()).isEqualTo("Steppe Dispatch – Security & Defence");
    assertThat(feed.ttlMinutes()).isEqualTo(30);
    assertThat(feed.items()).hasSize(3);
    ParsedItem first = feed.items().getFirst();
    assertThat(first.publishedAt()).isEqualTo(Instant.parse("2024-09-12T02:30:00Z"));
    assertThat(first.authors()).containsExactly("Aigerim Sadykova");
    assertThat(feed.items().get(2).link()).isEqualTo("https://news.example.kz/2024/09/08/cpc-terminal-resumes-loadings/");
  }

  @Test
  void readsAtomEntriesWithRelativeLinksAndHtmlTitles() {
    URI url = URI.create("https://brief.example.org/brief/atom.xml");
    String xml = TestWebServer.readFixture("feeds/central-asia-brief.atom.xml").replace("{{base}}", "https://brief.example.org");
    ParsedFeed feed = parser.parse(xml.getBytes(StandardCharsets.UTF_8), "application/atom+xml", url, ZoneOffset.UTC);
    assertThat(feed.format()).isEqualTo("atom_1.0");
    assertThat(feed.items().getFirst().link()).isEqualTo("https://brief.example.org/brief/2024/07/04/sco-astana-summit-transit");
    assertThat(feed.items().getFirst().publishedAt()).isEqualTo(Instant.parse("2024-07-04T10:20:00Z"));
    assertThat(feed.items().get(1).title()).isEqualTo("NATO liaison officer visits Kazakh peacekeeping brigade KAZBRIG");
    assertThat(HtmlText.paragraphs(feed.items().get(1).contentHtml())).contains("\n\nThe brigade trains for United Nations missions");
  }

  @Test
  void readsJsonFeed11() {
    String json = """
        {"version": "https://jsonfeed.org/version/1.1", "title": "Caspian Monitor", "home_page_url": "https://caspian.example.net/",
         "language": "ru",
         "items": [{"id": "cm-2024-771", "url": "/2024/05/02/aktau-port-expansion", "title": "Aktau port expansion gets EBRD loan",
                    "content_html": "<p>The European Bank for Reconstruction and Development agreed a loan.</p>",
                    "date_published": "2024-05-02T09:15:00+05:00", "authors": [{"name": "Olga Petrenko"}]}]}
        """;
    ParsedFeed feed = parser.parse(json.getBytes(StandardCharsets.UTF_8), "application/feed+json",
        URI.create("https://caspian.example.net/feed.json"), ZoneOffset.UTC);
    assertThat(feed.format()).isEqualTo("json_feed");
    assertThat(feed.language()).isEqualTo("ru");
    ParsedItem item = feed.items().getFirst();
    assertThat(item.link()).isEqualTo("https://caspian.example.net/2024/05/02/aktau-port-expansion");
    assertThat(item.publishedAt()).isEqualTo(Instant.parse("2024-05-02T04:15:00Z"));
    assertThat(item.authors()).containsExactly("Olga Petrenko");
  }

  @Test
  void decodesWindows1251FromTheXmlPrologAndKoi8rFromTheHttpHeader() {
    String title = "Учения ОДКБ \"Взаимодействие\" прошли под Алматы";
    String rss = "<rss version=\"2.0\"><channel><title>Новости</title><link>https://kz.example/</link>"
        + "<item><title>" + title + "</title><link>https://kz.example/1</link></item></channel></rss>";
    byte[] cp1251 = ("<?xml version=\"1.0\" encoding=\"windows-1251\"?>" + rss).getBytes(Charset.forName("windows-1251"));
    assertThat(parser.parse(cp1251, "application/xml", FEED_URL, ZoneOffset.UTC).items().getFirst().title()).isEqualTo(title);

    byte[] koi8 = ("<?xml version=\"1.0\"?>" + rss).getBytes(Charset.forName("KOI8-R"));
    assertThat(parser.parse(koi8, "text/xml; charset=KOI8-R", FEED_URL, ZoneOffset.UTC).items().getFirst().title()).isEqualTo(title);
  }

  @Test
  void refusesExternalEntitiesWithTheClasspathParser() {
    String xxe = """
        <?xml version="1.0"?>
        <!DOCTYPE rss [<!ENTITY secret SYSTEM "file:///etc/hostname">]>
        <rss version="2.0"><channel><title>&secret;</title><link>https://x.example/</link></channel></rss>
        """;
    assertThatThrownBy(() -> parse(xxe, "application/rss+xml"))
        .isInstanceOf(FeedParseException.class)
        .satisfies(e -> assertThat(((FeedParseException) e).category()).isEqualTo(FailureCategory.PARSE));
  }

  @Test
  void refusesEntityExpansionBombs() {
    StringBuilder doctype = new StringBuilder("<!DOCTYPE rss [<!ENTITY l0 \"lol\">");
    for (int i = 1; i < 10; i++) {
      doctype.append("<!ENTITY l").append(i).append(" \"").append(("&l" + (i - 1) + ";").repeat(10)).append("\">");
    }
    doctype.append("]>");
    String bomb = "<?xml version=\"1.0\"?>" + doctype + "<rss version=\"2.0\"><channel><title>&l9;</title></channel></rss>";
    assertThatThrownBy(() -> parse(bomb, null)).isInstanceOf(FeedParseException.class);
  }

  @Test
  void neverFetchesAnExternalDtd() {
    try (TestWebServer web = new TestWebServer()) {
      web.text("/evil.dtd", "<!ENTITY x SYSTEM \"file:///etc/passwd\">", "application/xml-dtd", false);
      String xml = "<?xml version=\"1.0\"?><!DOCTYPE rss SYSTEM \"" + web.url("/evil.dtd") + "\">"
          + "<rss version=\"0.91\"><channel><title>Old&nbsp;Netscape feed</title><link>https://x.example/</link>"
          + "<description>d</description><language>en</language><item><title>One</title><link>https://x.example/1</link></item></channel></rss>";
      ParsedFeed feed = parse(xml, null);
      assertThat(feed.items()).hasSize(1);
      assertThat(web.requests()).as("no DTD request").isEmpty();
    }
  }

  @Test
  void flagsFutureAndAncientDates() {
    String rss = "<rss version=\"2.0\"><channel><title>t</title><link>https://x.example/</link>"
        + "<item><title>a</title><link>https://x.example/a</link><pubDate>Mon, 01 Jan 2035 10:00:00 GMT</pubDate></item>"
        + "<item><title>b</title><link>https://x.example/b</link><pubDate>Thu, 01 Jan 1970 00:00:00 GMT</pubDate></item>"
        + "<item><title>c</title><link>https://x.example/c</link><pubDate>Sat, 14 Sep 2024 10:00:00 GMT</pubDate></item>"
        + "</channel></rss>";
    ParsedFeed feed = parse(rss, null);
    assertThat(feed.items().get(0).flags()).containsExactly("FUTURE_DATE");
    assertThat(feed.items().get(1).flags()).containsExactly("ANCIENT_DATE");
    assertThat(feed.items().get(2).flags()).isEmpty();
  }

  @Test
  void readsDatesWithoutAnOffsetInTheFeedsZone() {
    String rss = "<rss version=\"2.0\"><channel><title>t</title><link>https://x.example/</link>"
        + "<item><title>a</title><link>https://x.example/a</link><pubDate>Thu, 12 Sep 2024 07:30:00</pubDate></item>"
        + "<item><title>b</title><link>https://x.example/b</link><pubDate>2024-09-12 07:30</pubDate></item>"
        + "<item><title>c</title><link>https://x.example/c</link><pubDate>Thu, 12 Sep 2024 07:30:00 +0300</pubDate></item>"
        + "</channel></rss>";
    ParsedFeed feed = parser.parse(rss.getBytes(StandardCharsets.UTF_8), null, FEED_URL, java.time.ZoneId.of("Asia/Almaty"));
    assertThat(feed.items().get(0).publishedAt()).isEqualTo(Instant.parse("2024-09-12T02:30:00Z"));
    assertThat(feed.items().get(1).publishedAt()).isEqualTo(Instant.parse("2024-09-12T02:30:00Z"));
    assertThat(feed.items().get(2).publishedAt()).as("an explicit offset wins").isEqualTo(Instant.parse("2024-09-12T04:30:00Z"));
  }

  @Test
  void notAFeedIsAParseFailure() {
    assertThatThrownBy(() -> parse("<html><body>Hello</body></html>", "text/html")).isInstanceOf(FeedParseException.class);
    assertThatThrownBy(() -> parse("{\"hello\": 1}", "application/json")).isInstanceOf(FeedParseException.class);
  }
}
