package io.newsflow.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class FeedCharsetTest {

  // ASCII punctuation only: KOI8-R has no guillemets or dashes
  private static final String TITLE = "Учения ОДКБ \"Взаимодействие-2022\" прошли под Алматы, Казахстан";

  private static String rss(String prolog, String title) {
    return prolog + "<rss version=\"2.0\"><channel><title>Tengri News</title><link>https://tengrinews.kz/</link>"
        + "<item><title>" + title + "</title><link>https://tengrinews.kz/kazakhstan_news/1</link></item></channel></rss>";
  }

  private static byte[] bytes(String text, String charset) {
    return text.getBytes(Charset.forName(charset));
  }

  @Test
  void readsWindows1251FromTheXmlProlog() {
    byte[] body = bytes(rss("<?xml version=\"1.0\" encoding=\"windows-1251\"?>", TITLE), "windows-1251");
    FeedCharset.Decoded d = FeedCharset.decode(body, "application/rss+xml");
    assertThat(d.charset()).isEqualTo("windows-1251");
    assertThat(d.text()).contains(TITLE);
  }

  @Test
  void readsKoi8rFromALenientlyWrittenHttpHeaderOverAWrongProlog() {
    byte[] body = bytes(rss("<?xml version=\"1.0\" encoding=\"iso-8859-1\"?>", TITLE), "KOI8-R");
    FeedCharset.Decoded d = FeedCharset.decode(body, "text/xml;charset= 'koi8-r'");
    assertThat(d.charset()).isEqualTo("koi8-r");
    assertThat(d.text()).contains(TITLE);
  }

  @Test
  void byteOrderMarkBeatsTheHeader() {
    byte[] text = bytes(rss("<?xml version=\"1.0\"?>", TITLE), "UTF-16LE");
    byte[] body = new byte[text.length + 2];
    body[0] = (byte) 0xFF;
    body[1] = (byte) 0xFE;
    System.arraycopy(text, 0, body, 2, text.length);
    FeedCharset.Decoded d = FeedCharset.decode(body, "text/xml; charset=windows-1251");
    assertThat(d.charset()).isEqualTo("utf-16le");
    assertThat(d.text()).startsWith("<?xml").contains(TITLE);
  }

  @Test
  void recognisesUtf16And32WithoutAMark() {
    String feed = rss("<?xml version=\"1.0\" encoding=\"utf-16\"?>", TITLE);
    assertThat(FeedCharset.decode(bytes(feed, "UTF-16BE"), null).charset()).isEqualTo("utf-16be");
    assertThat(FeedCharset.decode(bytes(feed, "UTF-16LE"), "application/xml").text()).contains(TITLE);
    FeedCharset.Decoded utf32 = FeedCharset.decode(bytes(rss("<?xml version=\"1.0\"?>", TITLE), "UTF-32LE"), null);
    assertThat(utf32.charset()).isEqualTo("utf-32le");
    assertThat(utf32.text()).contains(TITLE);
  }

  @Test
  void utf8BodyBehindAServersLatin1DefaultStaysUtf8() {
    byte[] body = bytes(rss("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", TITLE), "UTF-8");
    FeedCharset.Decoded d = FeedCharset.decode(body, "text/xml; charset=ISO-8859-1");
    assertThat(d.charset()).isEqualTo("utf-8");
    assertThat(d.text()).contains(TITLE);
  }

  @Test
  void aProperLatin1HeaderStillBeatsTheProlog() {
    byte[] body = bytes(rss("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", "Nursultan Nazarbáev"), "ISO-8859-1");
    FeedCharset.Decoded d = FeedCharset.decode(body, "text/xml; charset=ISO-8859-1");
    assertThat(d.text()).contains("Nursultan Nazarbáev");
  }

  @Test
  void undeclaredLegacyBytesAreNotTurnedIntoReplacementCharacters() {
    byte[] body = bytes(rss("", "Tokayev’s “new Kazakhstan”"), "windows-1252");
    FeedCharset.Decoded d = FeedCharset.decode(body, null);
    assertThat(d.charset()).isEqualTo("windows-1252");
    assertThat(d.text()).contains("Tokayev’s “new Kazakhstan”");
  }

  @Test
  void latin1LabelWithWindowsQuotesAndGb2312AreReadWithTheirSupersets() {
    byte[] quotes = bytes(rss("<?xml version=\"1.0\" encoding=\"iso-8859-1\"?>", "Astana’s “multi-vector” policy"), "windows-1252");
    assertThat(FeedCharset.decode(quotes, null).text()).contains("Astana’s “multi-vector” policy");
    // 𠀀 is outside GB2312 and GBK: only GB18030 gives it back, as browsers read such mislabelled pages
    byte[] chinese = bytes(rss("<?xml version=\"1.0\" encoding=\"gb2312\"?>", "一带一路 霍尔果斯 𠀀"), "GB18030");
    FeedCharset.Decoded d = FeedCharset.decode(chinese, null);
    assertThat(d.charset()).isEqualTo("gb18030");
    assertThat(d.text()).contains("一带一路 霍尔果斯 𠀀");
  }

  @Test
  void c1ControlsFromTranscodedWindowsQuotesBecomeQuotes() {
    byte[] body = rss("", "Astana\u0092s pipeline &#147;CPC&#148; deal").getBytes(StandardCharsets.UTF_8);
    ParsedFeed feed = new FeedParser(Clock.systemUTC()).parse(body, null, URI.create("https://example.kz/rss"), ZoneOffset.UTC);
    assertThat(feed.items().getFirst().title()).isEqualTo("Astana’s pipeline “CPC” deal");
  }

  @Test
  void koi8rFeedParsesEndToEndThroughRome() {
    byte[] body = bytes(rss("<?xml version=\"1.0\" encoding=\"koi8-r\"?>", TITLE), "KOI8-R");
    ParsedFeed feed = new FeedParser(Clock.systemUTC()).parse(body, "application/rss+xml", URI.create("https://example.kz/rss"), ZoneOffset.UTC);
    assertThat(feed.items()).singleElement().satisfies(i -> assertThat(i.title()).isEqualTo(TITLE));
  }

  @Test
  void rssWithoutChannelInAUserlandNamespaceOrWithAnOddVersionStillParses() {
    FeedParser parser = new FeedParser(Clock.systemUTC());
    URI url = URI.create("https://example.kz/rss");
    byte[] bare = "<rss><item><title>Kazakhstan joins drills</title></item></rss>".getBytes(StandardCharsets.UTF_8);
    assertThat(parser.parse(bare, null, url, ZoneOffset.UTC).items()).singleElement()
        .satisfies(i -> assertThat(i.title()).isEqualTo("Kazakhstan joins drills"));
    byte[] userland = "<rss version=\"2.0\" xmlns=\"http://backend.userland.com/rss2\"><channel><title>Radio</title><item><title>SCO summit</title></item></channel></rss>"
        .getBytes(StandardCharsets.UTF_8);
    assertThat(parser.parse(userland, null, url, ZoneOffset.UTC).title()).isEqualTo("Radio");
    byte[] oddVersion = "<rss version=\"2.01\"><channel><title>Akorda</title><item><title>CSTO summit</title></item></channel></rss>"
        .getBytes(StandardCharsets.UTF_8);
    assertThat(parser.parse(oddVersion, null, url, ZoneOffset.UTC).items()).hasSize(1);
  }
}
