package io.newsflow.ingest.feed;

import io.newsflow.ingest.extract.ArticleExtractor;
import io.newsflow.ingest.extract.ExtractedArticle;
import io.newsflow.ingest.http.FetchException;
import io.newsflow.ingest.http.FetchedResponse;
import io.newsflow.ingest.http.SafeHttpClient;
import io.newsflow.model.article.CanonicalUrl;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a feed item into article content: the feed's own full content when it has some, otherwise
 * the item's page fetched and run through the extractor. A page that cannot be fetched or yields less
 * than the summary leaves the summary as the text, flagged {@code SUMMARY_ONLY}; it never fails the poll.
 */
public final class ArticleAssembler {

  static final String SUMMARY_ONLY = "SUMMARY_ONLY";
  private static final Logger log = LoggerFactory.getLogger(ArticleAssembler.class);
  private static final Pattern META_CHARSET = Pattern.compile("(?i)<meta[^>]+charset\\s*=\\s*[\"']?([\\w.:-]+)");

  /** What the item's article consists of, before it becomes a RawArticle; {@code summary} is the item's own summary as text ("" when none). */
  public record Content(String title, String text, String html, String canonicalUrl, List<String> authors,
      java.time.Instant publishedAt, java.time.Instant modifiedAt, String language, String imageUrl, String siteName,
      Map<String, String> provenance, List<String> flags, String summary) {}

  private final SafeHttpClient http;
  private final ArticleExtractor extractor;
  private final int summaryThreshold;

  public ArticleAssembler(SafeHttpClient http, ArticleExtractor extractor, int summaryThreshold) {
    this.http = http;
    this.extractor = extractor;
    this.summaryThreshold = summaryThreshold;
  }

  public Content assemble(ParsedItem item, String feedLanguage) {
    String contentText = HtmlText.paragraphs(item.contentHtml());
    String summaryText = HtmlText.paragraphs(item.summaryHtml());
    String best = contentText.length() >= summaryText.length() ? contentText : summaryText;
    String bestHtml = contentText.length() >= summaryText.length() ? item.contentHtml() : item.summaryHtml();
    Map<String, String> provenance = new HashMap<>();
    List<String> flags = new ArrayList<>(item.flags());
    String canonical = item.link() == null ? null : CanonicalUrl.normalise(item.link());
    if (best.length() >= summaryThreshold || item.link() == null) {
      provenance.put("text", best == contentText ? "feed-content" : "feed-summary");
      if (best.length() < summaryThreshold) {
        flags.add(SUMMARY_ONLY);
      }
      return new Content(item.title(), best, HtmlText.sanitise(bestHtml, item.link()), canonical, item.authors(),
          item.publishedAt(), item.updatedAt(), feedLanguage, null, null, feedProvenance(item, provenance), flags, summaryText);
    }
    ExtractedArticle page = fetchAndExtract(item.link());
    if (page == null || page.text().length() < best.length()) {
      provenance.put("text", "feed-summary");
      flags.add(SUMMARY_ONLY);
      return new Content(item.title(), best, HtmlText.sanitise(bestHtml, item.link()), canonical, item.authors(),
          item.publishedAt(), item.updatedAt(), feedLanguage, null, null, feedProvenance(item, provenance), flags, summaryText);
    }
    // the feed's own metadata wins where it has it: it is what the publisher declared for this item
    provenance.putAll(page.provenance());
    provenance.put("text", "page");
    String title = item.title() != null ? item.title() : page.title();
    String pageCanonical = safeCanonical(page.canonicalUrl());
    return new Content(title, page.text(), page.html(), pageCanonical != null ? pageCanonical : canonical,
        item.authors().isEmpty() ? page.authors() : item.authors(),
        item.publishedAt() != null ? item.publishedAt() : page.publishedAt(),
        item.updatedAt() != null ? item.updatedAt() : page.modifiedAt(),
        page.language() != null ? page.language() : feedLanguage,
        page.imageUrl(), page.siteName(), feedProvenance(item, provenance), flags, summaryText);
  }

  private static Map<String, String> feedProvenance(ParsedItem item, Map<String, String> provenance) {
    if (item.title() != null) {
      provenance.put("title", "feed");
    }
    if (item.publishedAt() != null) {
      provenance.put("publishedAt", "feed");
    }
    if (item.updatedAt() != null) {
      provenance.put("modifiedAt", "feed");
    }
    if (!item.authors().isEmpty()) {
      provenance.put("authors", "feed");
    }
    return provenance;
  }

  private ExtractedArticle fetchAndExtract(String link) {
    try {
      FetchedResponse page = http.get(URI.create(link), Map.of());
      String html = decode(page.body(), page.header("content-type"));
      return extractor.extract(html, page.finalUrl().toString());
    } catch (FetchException | IllegalArgumentException e) {
      log.info("page not fetched, keeping the feed summary: {}", e.getMessage());
      return null;
    } catch (RuntimeException e) {
      log.warn("extractor failed on {}, keeping the feed summary", link, e);
      return null;
    }
  }

  /** Charset from the HTTP header, then a meta tag in the first 4 KB, then UTF-8. */
  static String decode(byte[] body, String contentType) {
    Charset charset = charsetOf(contentType);
    if (charset == null) {
      String head = new String(body, 0, Math.min(body.length, 4096), StandardCharsets.ISO_8859_1);
      Matcher m = META_CHARSET.matcher(head);
      charset = m.find() ? charsetNamed(m.group(1)) : null;
    }
    return new String(body, charset == null ? StandardCharsets.UTF_8 : charset);
  }

  private static Charset charsetOf(String contentType) {
    if (contentType == null) {
      return null;
    }
    for (String part : contentType.split(";")) {
      String p = part.strip().toLowerCase(Locale.ROOT);
      if (p.startsWith("charset=")) {
        return charsetNamed(p.substring(8).replace("\"", "").strip());
      }
    }
    return null;
  }

  private static Charset charsetNamed(String name) {
    try {
      return Charset.forName(name);
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static String safeCanonical(String url) {
    if (url == null) {
      return null;
    }
    try {
      return CanonicalUrl.normalise(url);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
