package io.newsflow.ingest.feed;

import com.fasterxml.jackson.databind.JsonNode;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import io.newsflow.model.json.EventJson;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;

/**
 * Runs feedparser's test feeds ({@code ../shared/corpus/feeds}) through newsflow's parser and
 * scores the expectations that translate to what newsflow reads (see {@link SuiteExpectation}).
 * Text fields are compared as text (HTML parsed, whitespace collapsed), because newsflow keeps plain
 * text and re-sanitises HTML itself; links, ids, languages, versions and encodings exactly.
 */
final class FeedSuiteHarness {

  /** Counts for one category. */
  static final class Tally {
    int files;
    int skipped;
    int unsupported;
    int right;
    int wrong;
    int bozoRefused;
    int bozoParsed;
    int unsafeHtml;
    final List<String> wrongExamples = new ArrayList<>();
    final List<String> allWrong = new ArrayList<>();
  }

  private static final Pattern CODEC = Pattern.compile("lookup\\('([^']+)'\\)");
  private final FeedParser parser = new FeedParser(Clock.systemUTC());
  final Map<String, Tally> tallies = new TreeMap<>();

  void run(Path suite) throws IOException {
    for (String line : Files.readAllLines(suite.resolve("expectations.jsonl"))) {
      JsonNode row = EventJson.mapper().readTree(line);
      String path = row.path("path").asText();
      String[] parts = path.split("/");
      Tally t = tallies.computeIfAbsent(parts[0].equals("wellformed") ? parts[0] + "/" + parts[1] : parts[0], k -> new Tally());
      t.files++;
      Matcher codec = CODEC.matcher(row.path("skipUnless").asText(""));
      if (codec.find() && !Charset.isSupported(codec.group(1))) {
        t.skipped++;
        continue;
      }
      SuiteExpectation expect = SuiteExpectation.translate(row.path("expect").asText());
      if (expect == null) {
        t.unsupported++;
        continue;
      }
      evaluate(suite, path, row.path("headers"), expect, t);
    }
  }

  private void evaluate(Path suite, String path, JsonNode headers, SuiteExpectation expect, Tally t) throws IOException {
    byte[] body = Files.readAllBytes(suite.resolve(path));
    String contentType = header(headers, "content-type");
    URI url = URI.create("http://127.0.0.1:8097/tests/" + path);
    String location = header(headers, "content-location");
    if (location != null) {
      url = url.resolve(location);
    }
    FeedParser.XmlFeed xml;
    ParsedFeed parsed;
    try {
      xml = FeedParser.readXml(body, contentType, url);
      parsed = parser.parse(body, contentType, url, ZoneOffset.UTC);
    } catch (FeedParseException e) {
      if (Boolean.TRUE.equals(expect.bozo()) && expect.clauses().isEmpty()) {
        t.bozoRefused++;
      } else {
        wrong(t, path, "not parsed: " + e.getMessage());
      }
      return;
    }
    if (Boolean.TRUE.equals(expect.bozo()) && expect.clauses().isEmpty()) {
      t.bozoParsed++;
      return;
    }
    for (SuiteExpectation.Clause c : expect.clauses()) {
      Value actual = valueOf(c, xml, parsed);
      if (actual == null) {
        t.unsupported++;
        return;
      }
      boolean ok = actual.asText ? text(actual.value).equals(text(c.expected())) : c.expected().strip().equalsIgnoreCase(String.valueOf(actual.value).strip());
      if (!ok) {
        wrong(t, path, c.scope() + (c.index() >= 0 ? "[" + c.index() + "]" : "") + "." + c.field() + ": expected «" + c.expected() + "» got «" + actual.value + "»");
        return;
      }
      if (path.contains("sanitize") && actual.value != null && isUnsafe(HtmlText.sanitise(actual.value, url.toString()))) {
        t.unsafeHtml++;
      }
    }
    t.right++;
  }

  private record Value(String value, boolean asText) {}

  private static Value valueOf(SuiteExpectation.Clause c, FeedParser.XmlFeed xml, ParsedFeed parsed) {
    SyndFeed feed = xml.synd();
    switch (c.scope()) {
      case "version":
        return new Value(version(feed.getFeedType()), false);
      case "encoding":
        return new Value(xml.encoding() == null ? null : xml.encoding().toLowerCase(Locale.ROOT), false);
      case "feed":
        return switch (c.field()) {
          case "title" -> new Value(feed.getTitle(), true);
          case "link" -> new Value(parsed.siteUrl(), false);
          case "language" -> new Value(feed.getLanguage(), false);
          case "subtitle", "tagline", "description", "info" -> new Value(feed.getDescription(), true);
          case "rights", "copyright" -> new Value(feed.getCopyright(), true);
          case "author" -> new Value(feed.getAuthor(), true);
          case "id" -> new Value(feed.getUri(), false);
          default -> null;
        };
      default:
        if (c.index() >= feed.getEntries().size()) {
          return new Value(null, false);
        }
        SyndEntry e = feed.getEntries().get(c.index());
        ParsedItem item = parsed.items().get(c.index());
        return switch (c.field()) {
          case "title" -> new Value(e.getTitle(), true);
          case "link" -> new Value(item.link(), false);
          case "id", "guid" -> new Value(e.getUri(), false);
          case "author" -> new Value(item.authors().isEmpty() ? e.getAuthor() : item.authors().getFirst(), true);
          case "description", "summary" -> new Value(e.getDescription() != null ? e.getDescription().getValue() : firstContent(e), true);
          case "content" -> new Value(firstContent(e), true);
          default -> null;
        };
    }
  }

  private static String firstContent(SyndEntry e) {
    for (SyndContent c : e.getContents()) {
      if (c.getValue() != null) {
        return c.getValue();
      }
    }
    return null;
  }

  private static String version(String romeType) {
    if (romeType == null) {
      return null;
    }
    return switch (romeType) {
      case "rss_0.9" -> "rss090";
      case "rss_0.91N" -> "rss091n";
      case "rss_0.91U" -> "rss091u";
      case "rss_0.92" -> "rss092";
      case "rss_0.93" -> "rss093";
      case "rss_0.94" -> "rss094";
      case "rss_1.0" -> "rss10";
      case "rss_2.0" -> "rss20";
      case "atom_0.3" -> "atom03";
      case "atom_1.0" -> "atom10";
      default -> romeType;
    };
  }

  static String text(String htmlOrText) {
    if (htmlOrText == null) {
      return "";
    }
    String t = htmlOrText.indexOf('<') >= 0 || htmlOrText.indexOf('&') >= 0 ? Jsoup.parse(htmlOrText).text() : htmlOrText;
    return t.replaceAll("[\\s\\u00a0]+", " ").strip();
  }

  private static boolean isUnsafe(String sanitised) {
    if (sanitised == null) {
      return false;
    }
    String s = sanitised.toLowerCase(Locale.ROOT);
    return s.contains("<script") || s.contains("javascript:") || Pattern.compile("<[^>]+\\son\\w+\\s*=").matcher(s).find()
        || s.contains("<iframe") || s.contains("<object") || s.contains("<embed") || s.contains("<style");
  }

  private static String header(JsonNode headers, String name) {
    var it = headers.fields();
    while (it.hasNext()) {
      var e = it.next();
      if (e.getKey().equalsIgnoreCase(name)) {
        return e.getValue().asText();
      }
    }
    return null;
  }

  private static void wrong(Tally t, String path, String why) {
    t.wrong++;
    t.allWrong.add(path + " — " + why.replace("\n", "\\n"));
    if (t.wrongExamples.size() < 3) {
      t.wrongExamples.add("`" + path + "` — " + why.replace("\n", "\\n").replace("|", "\\|"));
    }
  }

  String report(String command) {
    StringBuilder out = new StringBuilder();
    out.append("# Feed test suite report\n\n")
        .append("feedparser 6.0.14's test feeds (`../shared/corpus/feeds`, 2,106 files) run through newsflow's `FeedParser` ")
        .append("(Rome 2.1.0 with DOCTYPEs refused, xml healer on). Generated by `").append(command).append("`; do not edit by hand.\n\n")
        .append("How a case is scored: its `Expect:` expression is translated when every clause is `bozo`, `not bozo`, `version == …`, ")
        .append("`encoding == …` or `feed/entries[i][field] == '…'` for the fields newsflow reads (title, link, id, author, language, ")
        .append("description/summary/subtitle, rights, content). Text fields are compared as text (HTML parsed, whitespace collapsed) because ")
        .append("newsflow stores plain text and sanitises HTML itself; links, ids, versions and encodings exactly. `not bozo` requires that we ")
        .append("parse the file. Cases whose only expectation is `bozo` (deliberately broken files) count neither right nor wrong: the table shows ")
        .append("whether we refused them with a categorised `parse` error or read them leniently. Anything else (feedparser-specific fields such as ")
        .append("`title_detail.type`, `*_parsed` tuples, iTunes, GeoRSS, PSC) is *unsupported*. *unsafe* counts sanitize cases whose field, after ")
        .append("newsflow's jsoup Safelist, still holds script, event handlers, javascript: URLs or embeds (should be 0).\n\n")
        .append("Character sets are decided as `FeedCharset` documents (BOM, HTTP charset, XML prolog, UTF-8; RFC 7303). The `encoding` ")
        .append("cases still wrong expect RFC 3023's US-ASCII default for `text/*` types without a charset, which RFC 7303 obsoleted and ")
        .append("real servers never mean; we decode those by the prolog or as UTF-8 on purpose. The `illformed/chardet` cases need ")
        .append("statistical detection of undeclared legacy encodings, which we do not do (undeclared non-UTF-8 bytes are read as windows-1252).\n\n")
        .append("| category | files | right | wrong | unsupported | bozo-only refused | bozo-only parsed | skipped (codec) | unsafe |\n")
        .append("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    Tally total = new Tally();
    tallies.forEach((k, t) -> {
      out.append("| ").append(k).append(" | ").append(t.files).append(" | ").append(t.right).append(" | ").append(t.wrong).append(" | ")
          .append(t.unsupported).append(" | ").append(t.bozoRefused).append(" | ").append(t.bozoParsed).append(" | ")
          .append(t.skipped).append(" | ").append(t.unsafeHtml).append(" |\n");
      total.files += t.files;
      total.right += t.right;
      total.wrong += t.wrong;
      total.unsupported += t.unsupported;
      total.bozoRefused += t.bozoRefused;
      total.bozoParsed += t.bozoParsed;
      total.skipped += t.skipped;
      total.unsafeHtml += t.unsafeHtml;
    });
    out.append("| **total** | ").append(total.files).append(" | ").append(total.right).append(" | ").append(total.wrong).append(" | ")
        .append(total.unsupported).append(" | ").append(total.bozoRefused).append(" | ").append(total.bozoParsed).append(" | ")
        .append(total.skipped).append(" | ").append(total.unsafeHtml).append(" |\n\n");
    out.append("## Examples of wrong cases (up to 3 per category)\n\n");
    tallies.forEach((k, t) -> t.wrongExamples.forEach(ex -> out.append("- ").append(k).append(": ").append(ex).append('\n')));
    return out.toString();
  }

  /** Every wrong case, one a line, for working through them (written to target/, not checked in). */
  String wrongCases() {
    StringBuilder out = new StringBuilder();
    tallies.values().forEach(t -> t.allWrong.forEach(w -> out.append(w).append('\n')));
    return out.toString();
  }

  Tally total(String prefix) {
    Tally sum = new Tally();
    tallies.forEach((k, t) -> {
      if (k.startsWith(prefix)) {
        sum.right += t.right;
        sum.wrong += t.wrong;
        sum.unsafeHtml += t.unsafeHtml;
      }
    });
    return sum;
  }
}
