package io.newsflow.ingest.extract;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Removes what is never article text before the content is scored: scripts and widgets, hidden
 * nodes, navigation landmarks, comment and newsletter forms, and elements whose class or id names
 * a page furniture role (share bars, related lists, cookie banners, bylines...). Elements that hold
 * the marked-up article ({@code <article>}, {@code itemprop=articleBody}) and their ancestors are
 * never removed by name, because sites name wrappers things like "story-sidebar-layout".
 */
final class BoilerplateCleaner {

  static final Pattern UNLIKELY = Pattern.compile("(?i)"
      + "ad-break|adbox|advert|\\bads?\\b|\\bad[-_]|banner|breadcrumb|byline|combx|comment|community|consent"
      + "|cookie|disqus|dropdown|footer|foot-note|gdpr|masthead|\\bmenu|modal|newsletter|outbrain"
      + "|pager\\b|pagination|paywall|popular|popup|promo|recirc|recommend|related|remark|replies|rss|\\bshare|sharing"
      + "|shoutbox|sidebar|signup|sign-up|skyscraper|social|sponsor|subscri|taboola|teaser|toolbar|trending"
      + "|most-read|mostread|read-more|readmore|more-stories|author-bio|\\bnav|\\btags?\\b"
      + "|tag-list|topics|further-reading|jump-link|print-only|screen-reader|sr-only|visually-hidden|caption-credit");
  static final Pattern LIKELY = Pattern.compile("(?i)"
      + "article|\\bbody\\b|-body\\b|_body\\b|content|entry|hentry|h-entry|\\bmain|\\bpost\\b|\\bpage\\b|\\btext\\b|story|prose");

  private static final Set<String> NEVER_BY_NAME = Set.of("html", "body", "article", "main");

  private BoilerplateCleaner() {}

  /**
   * @param byName whether to remove elements by class and id; the extractor retries without it when
   *               the first pass found almost nothing (a site that names its article wrapper "widget")
   */
  static void clean(Document doc, boolean byName) {
    Element body = doc.body();
    if (body == null) {
      return;
    }
    Set<Element> protectedNodes = protectedNodes(body);
    Map<Element, int[]> paragraphText = paragraphTextBelow(body);
    int[] total = paragraphText.getOrDefault(body, new int[1]);
    removeForms(body, protectedNodes);
    body.select("script, style, noscript, template, svg, canvas, iframe, object, embed, button, input, "
        + "select, textarea, link, meta, dialog, label").remove();
    List<Element> doomed = new ArrayList<>();
    for (Element e : body.select("[hidden], [style~=(?i)display\\s*:\\s*none|visibility\\s*:\\s*hidden]")) {
      if (!protectedNodes.contains(e)) {
        doomed.add(e);
      }
    }
    for (Element e : body.select("nav, aside, [role~=(?i)^(navigation|banner|contentinfo|complementary|"
        + "dialog|alertdialog|menu|menubar|search|note)$]")) {
      if (!protectedNodes.contains(e)) {
        doomed.add(e);
      }
    }
    for (Element e : body.select("header, footer")) {
      if (!protectedNodes.contains(e) && e.select("p").stream().filter(p -> p.text().length() > 120).count() < 2) {
        doomed.add(e);
      }
    }
    for (Element e : byName ? body.getAllElements() : List.<Element>of()) {
      if (NEVER_BY_NAME.contains(e.normalName()) || protectedNodes.contains(e)) {
        continue;
      }
      int[] below = paragraphText.get(e);
      if (below != null && total[0] > 500 && below[0] > total[0] * 0.6) {
        continue; // holds most of the page's prose: a wrapper with an unlucky name, not furniture
      }
      String names = e.className() + " " + e.id();
      if (names.length() > 1 && UNLIKELY.matcher(names).find() && !LIKELY.matcher(names).find()) {
        doomed.add(e);
      }
    }
    doomed.forEach(Element::remove);
  }

  private static Map<Element, int[]> paragraphTextBelow(Element body) {
    Map<Element, int[]> below = new IdentityHashMap<>();
    for (Element p : body.select("p")) {
      int len = p.text().length();
      for (Element e = p.parent(); e != null; e = e.parent()) {
        below.computeIfAbsent(e, k -> new int[1])[0] += len;
      }
    }
    return below;
  }

  private static Set<Element> protectedNodes(Element body) {
    Set<Element> keep = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Element marked : body.select("article, [itemprop=articleBody], [itemprop=text]")) {
      if (marked.text().length() < 200) {
        continue;
      }
      for (Element e = marked; e != null && keep.add(e); e = e.parent()) {
        // adds the element and its ancestors
      }
    }
    return keep;
  }

  // Comment, newsletter and search forms go; a whole-page form (ASP.NET) holds the article and stays.
  private static void removeForms(Element body, Set<Element> protectedNodes) {
    for (Element form : body.select("form")) {
      if (protectedNodes.contains(form)) {
        continue;
      }
      long longParagraphs = form.select("p").stream().filter(p -> p.text().length() > 120).count();
      if (longParagraphs < 3) {
        form.remove();
      }
    }
  }
}
