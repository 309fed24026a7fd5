package io.newsflow.ingest.extract;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Finds the element that holds the article: paragraphs vote for their ancestors (longer and
 * comma-richer paragraphs weigh more, the vote fading with distance), the vote is discounted by link
 * density, and the winner's siblings that look like more of the same join it. The idea is
 * Readability's; the weights here are our own.
 */
final class ContentFinder {

  private static final int MIN_PARAGRAPH_CHARS = 25;
  private static final int ANCESTOR_LEVELS = 5;
  private static final Set<String> PARAGRAPH_TAGS = Set.of("p", "pre", "td", "blockquote");
  private static final Set<String> TEXT_CONTAINERS = Set.of("div", "section", "center", "article", "main");
  static final Set<String> BLOCK_TAGS = Set.of("address", "article", "aside", "blockquote", "dd", "div", "dl",
      "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
      "hr", "li", "main", "nav", "ol", "p", "pre", "section", "table", "tbody", "thead", "tfoot", "tr", "td", "th",
      "ul", "br", "center", "details", "summary", "caption");

  private final Map<Element, double[]> scores = new IdentityHashMap<>();
  private final Element body;
  private final TextLengths lengths;

  private ContentFinder(Element body) {
    this.body = body;
    this.lengths = TextLengths.of(body);
  }

  /** The article's elements in page order: the best candidate and its content-like siblings. */
  static List<Element> find(Element body) {
    return new ContentFinder(body).run();
  }

  private List<Element> run() {
    for (Element e : body.getAllElements()) {
      String text = paragraphText(e);
      int len = text.length();
      if (len < MIN_PARAGRAPH_CHARS) {
        continue;
      }
      double vote = 1 + commas(text) + Math.min(len / 100, 3);
      Element ancestor = PARAGRAPH_TAGS.contains(e.normalName()) ? e.parent() : e;
      for (int level = 0; ancestor != null && level < ANCESTOR_LEVELS; level++, ancestor = ancestor.parent()) {
        if (ancestor == body.parent()) {
          break;
        }
        double divider = level == 0 ? 1 : level == 1 ? 2 : level * 3;
        score(ancestor)[0] += vote / divider;
      }
    }
    Element top = null;
    double topScore = 0;
    for (Map.Entry<Element, double[]> entry : scores.entrySet()) {
      double s = entry.getValue()[0] * (1 - lengths.linkDensity(entry.getKey()));
      entry.getValue()[0] = s;
      if (top == null || s > topScore) {
        top = entry.getKey();
        topScore = s;
      }
    }
    if (top == null) {
      return List.of(body);
    }
    top = climbToCommonAncestor(top, topScore);
    top = climbWhileProseGrows(top);
    topScore = scores.containsKey(top) ? scores.get(top)[0] : topScore;
    return withSiblings(top, topScore);
  }

  // When several strong candidates sit under one ancestor (an article split by ads or pull quotes),
  // the article is that ancestor rather than one of the pieces.
  private Element climbToCommonAncestor(Element top, double topScore) {
    List<Element> rivals = new ArrayList<>();
    for (Map.Entry<Element, double[]> entry : scores.entrySet()) {
      if (entry.getKey() != top && entry.getValue()[0] >= topScore * 0.75) {
        rivals.add(entry.getKey());
      }
    }
    if (rivals.size() < 2) {
      return top;
    }
    for (Element ancestor = top.parent(); ancestor != null && ancestor != body.parent(); ancestor = ancestor.parent()) {
      int contained = 0;
      for (Element rival : rivals) {
        if (isAncestor(ancestor, rival)) {
          contained++;
        }
      }
      if (contained >= 2) {
        return ancestor;
      }
    }
    return top;
  }

  // An article cut into sections by figures or ads leaves the winner holding one section; its
  // ancestors that add substantially more unlinked prose (and little else) hold the whole article.
  private Element climbWhileProseGrows(Element top) {
    int prose = prose(top);
    Element best = top;
    int level = 0;
    for (Element parent = top.parent(); parent != null && parent != body && level < 6; parent = parent.parent(), level++) {
      int parentProse = prose(parent);
      if (lengths.linkDensity(parent) > 0.25 || parentProse < lengths.text(parent) * 0.6) {
        break;
      }
      if (parentProse >= prose * 1.3 && parentProse >= prose + 400) {
        best = parent;
        prose = parentProse;
      }
    }
    return best;
  }

  private int prose(Element e) {
    int total = 0;
    for (Element p : e.select("p, pre, blockquote")) {
      int length = lengths.text(p);
      if (length >= 75 && lengths.linkDensity(p) < 0.2) {
        total += length;
      }
    }
    return total;
  }

  private List<Element> withSiblings(Element top, double topScore) {
    Element parent = top.parent();
    if (top == body || parent == null) {
      return List.of(top);
    }
    double threshold = Math.max(10, topScore * 0.2);
    List<Element> out = new ArrayList<>();
    for (Element sibling : parent.children()) {
      if (sibling == top) {
        out.add(sibling);
        continue;
      }
      double bonus = !top.className().isEmpty() && top.className().equals(sibling.className()) ? topScore * 0.2 : 0;
      double[] s = scores.get(sibling);
      if (s != null && s[0] + bonus >= threshold && looksLikeProse(sibling)) {
        out.add(sibling);
      } else if (sibling.normalName().equals("p")) {
        String text = sibling.text();
        double density = lengths.linkDensity(sibling);
        if ((text.length() > 80 && density < 0.25)
            || (text.length() > 0 && density == 0 && text.matches("(?s).*\\.( |$).*"))) {
          out.add(sibling);
        }
      }
    }
    return out;
  }

  // a date line or a view counter can score through its class name; prose has sentences
  private static boolean looksLikeProse(Element e) {
    for (Element block : e.select("p, pre, blockquote, div, section, li, td")) {
      if (ownText(block).length() >= 80) {
        return true;
      }
    }
    return ownText(e).length() >= 80;
  }

  private double[] score(Element e) {
    return scores.computeIfAbsent(e, k -> new double[] {initialScore(k)});
  }

  private static double initialScore(Element e) {
    double s = switch (e.normalName()) {
      case "div", "article", "main", "section" -> 5;
      case "pre", "td", "blockquote" -> 3;
      case "address", "ol", "ul", "dl", "dd", "dt", "li", "form" -> -3;
      case "h1", "h2", "h3", "h4", "h5", "h6", "th" -> -5;
      default -> 0;
    };
    return s + classWeight(e);
  }

  static double classWeight(Element e) {
    String names = e.className() + " " + e.id();
    if (names.length() <= 1) {
      return 0;
    }
    double w = 0;
    if (BoilerplateCleaner.LIKELY.matcher(names).find()) {
      w += 25;
    }
    if (BoilerplateCleaner.UNLIKELY.matcher(names).find()) {
      w -= 25;
    }
    if (e.hasAttr("itemprop") && e.attr("itemprop").contains("articleBody")) {
      w += 25;
    }
    return w;
  }

  // A <p> counts with all its text; a div-like container counts with the text it holds directly,
  // which is how sites that write paragraphs as "text<br><br>text" get a vote.
  private static String paragraphText(Element e) {
    String tag = e.normalName();
    if (PARAGRAPH_TAGS.contains(tag)) {
      return tag.equals("td") && hasBlockChild(e) ? "" : e.text();
    }
    return TEXT_CONTAINERS.contains(tag) ? ownText(e) : "";
  }

  private static boolean hasBlockChild(Element e) {
    for (Element c : e.children()) {
      if (BLOCK_TAGS.contains(c.normalName()) && !c.normalName().equals("br")) {
        return true;
      }
    }
    return false;
  }

  private static String ownText(Element e) {
    StringBuilder sb = new StringBuilder();
    for (Node n : e.childNodes()) {
      if (n instanceof TextNode t) {
        sb.append(t.text());
      } else if (n instanceof Element c && !BLOCK_TAGS.contains(c.normalName())) {
        sb.append(c.text());
      }
    }
    return sb.toString().strip();
  }

  private static int commas(String text) {
    int n = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == ',' || c == '，' || c == '،' || c == '、') {
        n++;
      }
    }
    return n;
  }

  private static boolean isAncestor(Element ancestor, Element e) {
    for (Element p = e.parent(); p != null; p = p.parent()) {
      if (p == ancestor) {
        return true;
      }
    }
    return false;
  }
}
