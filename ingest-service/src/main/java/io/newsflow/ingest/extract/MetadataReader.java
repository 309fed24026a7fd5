package io.newsflow.ingest.extract;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsflow.model.article.CanonicalUrl;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Reads title, authors, dates, canonical URL, language, lead image and site name. Precedence, first
 * found wins (the value of {@code provenance} names the source that won):
 * <ul>
 *   <li>title: JSON-LD headline, og:title, twitter:title, the single h1, then {@code <title>} without its site suffix
 *   <li>authors: JSON-LD author, author meta tags, then rel/itemprop/class "author" elements in the page
 *   <li>publishedAt: JSON-LD datePublished, published-time meta tags, {@code <time>} (itemprop or pubdate first),
 *       then a date in the URL path; modifiedAt the same with modified tags, no URL fallback
 *   <li>canonicalUrl: rel=canonical, og:url, JSON-LD url or mainEntityOfPage, then the page URL; normalised by CanonicalUrl
 *   <li>language: {@code <html lang>}, content-language meta, JSON-LD inLanguage, og:locale
 *   <li>imageUrl: og:image, twitter:image, JSON-LD image (the content's first image is added later)
 *   <li>siteName: og:site_name, JSON-LD publisher, application-name meta
 * </ul>
 * Structured data comes first because publishers fill it for search engines, so it is the most checked.
 */
final class MetadataReader {

  private static final String[] PUBLISHED_META = {"article:published_time", "og:article:published_time",
      "og:published_time", "datePublished", "pubdate", "publishdate", "publish-date", "publish_date",
      "sailthru.date", "parsely-pub-date", "dc.date.issued", "dcterms.issued", "dcterms.created", "dc.date",
      "date", "article.published", "cxenseparse:recs:publishtime"};
  private static final String[] MODIFIED_META = {"article:modified_time", "og:updated_time",
      "og:article:modified_time", "dateModified", "dcterms.modified", "last-modified", "article.updated"};
  private static final String[] AUTHOR_META = {"author", "article:author", "parsely-author", "sailthru.author",
      "dc.creator", "dcterms.creator", "byl"};

  record Metadata(String title, List<String> authors, Instant publishedAt, Instant modifiedAt,
      String canonicalUrl, String language, String imageUrl, String siteName, Map<String, String> provenance,
      String articleBody) {}

  private final Document doc;
  private final String pageUrl;
  private final Map<String, String> provenance = new LinkedHashMap<>();
  private final JsonNode ld;
  private final Map<String, String> metas = new java.util.HashMap<>();

  private MetadataReader(Document doc, String pageUrl) {
    this.doc = doc;
    this.pageUrl = pageUrl;
    this.ld = JsonLdReader.findArticle(doc);
    for (Element m : doc.select("meta[content]")) {
      String c = m.attr("content").strip();
      if (c.isEmpty()) {
        continue;
      }
      for (String attr : new String[] {"property", "name", "itemprop"}) {
        String key = m.attr(attr).strip().toLowerCase(Locale.ROOT);
        if (!key.isEmpty()) {
          metas.putIfAbsent(key, c);
        }
      }
    }
  }

  /** Must run before the content cleaner removes scripts and bylines. */
  static Metadata read(Document doc, String pageUrl) {
    return new MetadataReader(doc, pageUrl).read();
  }

  private Metadata read() {
    String title = title();
    List<String> authors = authors();
    Instant published = publishedAt();
    Instant modified = firstDate("modifiedAt", JsonLdReader.first(ld, "dateModified"), MODIFIED_META,
        "time[itemprop=dateModified], meta[itemprop=dateModified]");
    String canonical = canonicalUrl();
    String language = language();
    String image = firstOf("imageUrl", absolute(meta("og:image")), "meta:og:image",
        absolute(meta("twitter:image")), "meta:twitter:image", absolute(JsonLdReader.first(ld, "image")), "json-ld");
    String site = firstOf("siteName", meta("og:site_name"), "meta:og:site_name",
        ld == null ? null : JsonLdReader.first(ld.get("publisher"), "name"), "json-ld",
        meta("application-name"), "meta:application-name");
    return new Metadata(title, authors, published, modified, canonical, language, image, site, provenance,
        JsonLdReader.first(ld, "articleBody"));
  }

  private String title() {
    String h1 = null;
    List<Element> h1s = doc.select("h1");
    if (h1s.size() == 1) {
      h1 = h1s.get(0).text();
    }
    return firstOf("title", JsonLdReader.first(ld, "headline"), "json-ld", meta("og:title"), "meta:og:title",
        meta("twitter:title"), "meta:twitter:title", h1, "h1", TitleCleaner.clean(doc.title(), h1), "title");
  }

  private List<String> authors() {
    if (ld != null) {
      List<String> names = AuthorNames.clean(JsonLdReader.strings(ld.get("author")));
      if (!names.isEmpty()) {
        provenance.put("authors", "json-ld");
        return names;
      }
    }
    for (String key : AUTHOR_META) {
      List<String> names = AuthorNames.clean(List.of(nullToEmpty(meta(key))));
      if (!names.isEmpty()) {
        provenance.put("authors", "meta:" + key);
        return names;
      }
    }
    List<String> raw = new ArrayList<>();
    for (Element e : doc.select("[rel=author], [itemprop=author], .byline__name, .author-name, .post-author, .vcard .fn, "
        + "[class*=byline]")) {
      Element name = e.selectFirst("[itemprop=name]");
      raw.add((name != null ? name : e).text());
      if (e.normalName().equals("a") || e.hasAttr("itemprop")) {
        continue; // a link or marked-up name is one name; a byline box may list several
      }
      if (raw.size() >= 6) {
        break;
      }
    }
    List<String> names = AuthorNames.clean(raw);
    if (!names.isEmpty()) {
      provenance.put("authors", "byline");
    }
    return names;
  }

  private Instant publishedAt() {
    Instant found = firstDate("publishedAt", JsonLdReader.first(ld, "datePublished"), PUBLISHED_META,
        "time[itemprop=datePublished], time[pubdate], meta[itemprop=datePublished], time[datetime]");
    if (found == null && pageUrl != null) {
      found = DateParsing.fromUrl(pageUrl);
      if (found != null) {
        provenance.put("publishedAt", "url");
      }
    }
    return found;
  }

  private Instant firstDate(String field, String jsonLd, String[] metaKeys, String timeSelector) {
    Instant d = DateParsing.parse(jsonLd);
    if (d != null) {
      provenance.put(field, "json-ld");
      return d;
    }
    for (String key : metaKeys) {
      d = DateParsing.parse(meta(key));
      if (d != null) {
        provenance.put(field, "meta:" + key);
        return d;
      }
    }
    for (Element t : doc.select(timeSelector)) {
      String value = t.hasAttr("datetime") ? t.attr("datetime") : t.attr("content");
      d = DateParsing.parse(value.isEmpty() ? t.text() : value);
      if (d != null) {
        provenance.put(field, "time");
        return d;
      }
    }
    return null;
  }

  private String canonicalUrl() {
    Element link = doc.selectFirst("link[rel~=(?i)^canonical$][href]");
    String[] candidates = {link == null ? null : link.absUrl("href"), "link:canonical",
        absolute(meta("og:url")), "meta:og:url", absolute(JsonLdReader.first(ld, "url")), "json-ld",
        absolute(JsonLdReader.first(ld, "mainEntityOfPage")), "json-ld",
        pageUrl, "page-url"};
    for (int i = 0; i < candidates.length; i += 2) {
      if (candidates[i] == null || candidates[i].isBlank()) {
        continue;
      }
      try {
        String normalised = CanonicalUrl.normalise(candidates[i]);
        provenance.put("canonicalUrl", candidates[i + 1]);
        return normalised;
      } catch (IllegalArgumentException e) {
        // a relative or non-http value: try the next source
      }
    }
    return null;
  }

  private String language() {
    Element html = doc.selectFirst("html");
    return firstOf("language", languageTag(html == null ? null : html.attr("lang")), "html-lang",
        languageTag(httpEquiv("content-language")), "meta:content-language",
        languageTag(JsonLdReader.first(ld, "inLanguage")), "json-ld",
        languageTag(meta("og:locale")), "meta:og:locale");
  }

  static String languageTag(String raw) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    String first = raw.strip().split("[,;\\s]")[0].replace('_', '-');
    String tag = Locale.forLanguageTag(first).toLanguageTag();
    return "und".equals(tag) ? null : tag;
  }

  private String firstOf(String field, String... valueSourcePairs) {
    for (int i = 0; i < valueSourcePairs.length; i += 2) {
      String v = valueSourcePairs[i];
      if (v != null && !v.isBlank()) {
        provenance.put(field, valueSourcePairs[i + 1]);
        return v.strip().replaceAll("\\s+", " ");
      }
    }
    return null;
  }

  private String meta(String key) {
    return metas.get(key.toLowerCase(Locale.ROOT));
  }

  private String httpEquiv(String key) {
    Element m = doc.selectFirst("meta[http-equiv~=(?i)^" + key + "$][content]");
    return m == null ? null : m.attr("content");
  }

  private String absolute(String url) {
    if (url == null || url.isBlank()) {
      return null;
    }
    try {
      URI base = pageUrl == null || pageUrl.isBlank() ? null : URI.create(pageUrl.strip());
      URI resolved = base == null ? URI.create(url.strip()) : base.resolve(url.strip().replace(" ", "%20"));
      return resolved.isAbsolute() ? resolved.toString() : null;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
