package io.newsflow.ingest.feed;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.safety.Safelist;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/** Plain text and sanitised HTML from the HTML fragments feeds carry. */
final class HtmlText {

  private static final Safelist SAFE = Safelist.relaxed().addTags("figure", "figcaption").preserveRelativeLinks(false);

  private HtmlText() {}

  /** Text with one blank line between blocks, whitespace inside a paragraph collapsed. */
  static String paragraphs(String html) {
    if (html == null || html.isBlank()) {
      return "";
    }
    Document doc = Jsoup.parseBodyFragment(html);
    doc.select("script, style, noscript, iframe, form, object, embed").remove();
    StringBuilder out = new StringBuilder();
    NodeTraversor.traverse(new NodeVisitor() {
      @Override
      public void head(Node node, int depth) {
        if (node instanceof TextNode text) {
          out.append(text.getWholeText());
        } else if (node instanceof Element e && e.nameIs("br")) {
          out.append('\n');
        } else if (node instanceof Element e && e.isBlock()) {
          out.append("\n\n");
        }
      }

      @Override
      public void tail(Node node, int depth) {
        if (node instanceof Element e && e.isBlock()) {
          out.append("\n\n");
        }
      }
    }, doc.body());
    List<String> kept = new ArrayList<>();
    for (String block : out.toString().split("\\n\\s*\\n")) {
      String line = block.replaceAll("[\\s\\u00a0]+", " ").strip();
      if (!line.isEmpty()) {
        kept.add(line);
      }
    }
    return String.join("\n\n", kept);
  }

  /** One line of plain text, for titles that some feeds write as HTML. */
  static String line(String maybeHtml) {
    if (maybeHtml == null) {
      return null;
    }
    String text = maybeHtml.indexOf('<') >= 0 || maybeHtml.indexOf('&') >= 0 ? Jsoup.parse(maybeHtml).text() : maybeHtml;
    text = text.replaceAll("[\\s\\u00a0]+", " ").strip();
    return text.isEmpty() ? null : text;
  }

  static String sanitise(String html, String baseUrl) {
    if (html == null || html.isBlank()) {
      return null;
    }
    return Jsoup.clean(html, baseUrl == null ? "" : baseUrl, SAFE);
  }
}
