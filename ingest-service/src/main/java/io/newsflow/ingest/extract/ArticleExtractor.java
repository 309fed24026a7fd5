package io.newsflow.ingest.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.jsoup.safety.Safelist;

/**
 * Extracts an article's main text and metadata from one HTML page. Thread-safe and stateless:
 * construct once and share.
 *
 * <p>Pathological pages are bounded (see the constants): input beyond {@link #MAX_HTML_CHARS} or
 * beyond its {@link #MAX_TAGS}th tag is cut before parsing (jsoup closes the open elements), elements
 * nested deeper than {@link #MAX_DEPTH} are attached at that depth by the parser instead of deeper,
 * and the text kept is at most {@link #MAX_TEXT_CHARS}. jsoup's tree building costs about
 * tags x depth, so the tag and depth caps together bound the parse. Every pass over the tree is linear or bounded by a fixed ancestor
 * depth, and all traversals are iterative, so time is linear in the capped input and the stack
 * cannot overflow.
 */
public final class ArticleExtractor {

  /** A news page is rarely past 2 MB; this leaves room for inline scripts without letting a 100 MB page through. */
  public static final int MAX_HTML_CHARS = 6_000_000;
  /** Real pages nest less than 60 deep; deeper nesting is generated junk or an attack. */
  public static final int MAX_DEPTH = 128;
  /** Heavy real pages have about 30,000 tags. */
  public static final int MAX_TAGS = 200_000;
  /** The longest long-reads are ~100k characters. */
  public static final int MAX_TEXT_CHARS = 500_000;

  private static final int TOO_SHORT_CHARS = 200;

  // relaxed keeps the structure an article needs (headings, lists, tables, figures, links, images)
  // and drops every script, style and event attribute.
  private static final Safelist SAFELIST = Safelist.relaxed()
      .removeTags("colgroup", "col")
      .addEnforcedAttribute("a", "rel", "nofollow noopener");

  public ArticleExtractor() {}

  /**
   * @param html    the page's decoded HTML; never null
   * @param pageUrl the URL the page was fetched from (resolves relative links; may be null for a file)
   * @throws IllegalArgumentException when html is null
   */
  public ExtractedArticle extract(String html, String pageUrl) {
    if (html == null) {
      throw new IllegalArgumentException("html is null (page " + pageUrl + ")");
    }
    String base = pageUrl == null ? "" : pageUrl.strip();
    String input = capped(html);
    Document doc = Jsoup.parse(input, base, Parser.htmlParser().setMaxDepth(MAX_DEPTH));

    MetadataReader.Metadata meta = MetadataReader.read(doc, base.isEmpty() ? null : base);
    Map<String, String> provenance = new HashMap<>(meta.provenance());
    String articleBody = meta.articleBody();

    Content content = mainContent(doc, meta, true);
    if (content.text().length() < TOO_SHORT_CHARS) {
      // the name rule can cost a page its article when the wrapper is called "widget" or "sidebar-layout"
      Content retry = mainContent(Jsoup.parse(input, base, Parser.htmlParser().setMaxDepth(MAX_DEPTH)), meta, false);
      if (retry.text().length() > content.text().length()) {
        content = retry;
      }
    }
    String text = content.text();
    provenance.put("text", "content");
    if (text.length() < TOO_SHORT_CHARS && articleBody != null && articleBody.strip().length() > text.length()) {
      // script-rendered pages often ship the body only in their structured data
      text = articleBody.strip().replaceAll("[ \\t\\x0B\\f\\r]+", " ");
      text = text.length() > MAX_TEXT_CHARS ? text.substring(0, MAX_TEXT_CHARS) : text;
      provenance.put("text", "json-ld");
    }

    String imageUrl = meta.imageUrl();
    if (imageUrl == null) {
      imageUrl = firstImage(content.elements());
      if (imageUrl != null) {
        provenance.put("imageUrl", "content");
      }
    }
    String siteName = meta.siteName();
    if (siteName == null && !base.isEmpty()) {
      siteName = hostOf(base);
      if (siteName != null) {
        provenance.put("siteName", "url-host");
      }
    }
    return new ExtractedArticle(meta.title(), text, sanitise(content.elements(), base), meta.authors(),
        meta.publishedAt(), meta.modifiedAt(), meta.canonicalUrl(), meta.language(), imageUrl, siteName,
        provenance);
  }

  private static String capped(String html) {
    int end = Math.min(html.length(), MAX_HTML_CHARS);
    int tags = 0;
    for (int i = html.indexOf('<'); i >= 0 && i < end; i = html.indexOf('<', i + 1)) {
      if (++tags > MAX_TAGS) {
        end = i;
        break;
      }
    }
    return end == html.length() ? html : html.substring(0, end);
  }

  private record Content(List<Element> elements, String text) {}

  private static Content mainContent(Document doc, MetadataReader.Metadata meta, boolean removeByName) {
    BoilerplateCleaner.clean(doc, removeByName);
    List<Element> elements = ContentFinder.find(doc.body());
    elements.forEach(ContentPruner::prune);
    List<String> paragraphs = BlockFilter.filter(
        TextRenderer.paragraphs(elements, MAX_TEXT_CHARS), meta.title(), meta.authors());
    return new Content(elements, String.join("\n\n", paragraphs));
  }

  private static String sanitise(List<Element> content, String base) {
    StringBuilder sb = new StringBuilder();
    for (Element e : content) {
      sb.append(e.outerHtml());
    }
    if (base.isEmpty()) {
      return Jsoup.clean(sb.toString(), new Safelist(SAFELIST).preserveRelativeLinks(true));
    }
    return Jsoup.clean(sb.toString(), base, new Safelist(SAFELIST));
  }

  private static String firstImage(List<Element> content) {
    for (Element e : content) {
      for (Element img : e.select("img[src]")) {
        String src = img.absUrl("src");
        if (src.startsWith("http")) {
          return src;
        }
      }
    }
    return null;
  }

  private static String hostOf(String url) {
    try {
      String host = java.net.URI.create(url).getHost();
      return host == null ? null : host.startsWith("www.") ? host.substring(4) : host;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
