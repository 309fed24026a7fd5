package io.newsflow.ingest.feed;

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

  private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile("[\\s\\u00a0]+");

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
    return blocks(out);
  }

  /**
   * Splits at blank lines ({@code \n\s*\n}), collapses each run of {@code [\s\u00a0]} inside a block to one
   * space, strips each block and drops empty ones: the regex split and replace it was, in one pass (they were
   * a large share of ingest's CPU per article; HtmlTextTest compares the two).
   */
  static String blocks(CharSequence raw) {
    StringBuilder result = new StringBuilder(raw.length());
    StringBuilder block = new StringBuilder();
    int n = raw.length();
    int i = 0;
    while (i < n) {
      char c = raw.charAt(i);
      if (!isSpace(c)) {
        block.append(c);
        i++;
        continue;
      }
      boolean newlineSeen = false;
      boolean breaksBlock = false;
      for (; i < n && isSpace(c = raw.charAt(i)); i++) {
        if (c == '\n') {
          breaksBlock |= newlineSeen;
          newlineSeen = true;
        } else if (c == '\u00a0') {
          newlineSeen = false; // not in \s: "\n\u00a0\n" is no blank line
        }
      }
      if (breaksBlock) {
        addBlock(result, block);
      } else if (i < n && !block.isEmpty()) {
        block.append(' ');
      }
    }
    addBlock(result, block);
    return result.toString();
  }

  private static void addBlock(StringBuilder result, StringBuilder block) {
    String line = block.toString().strip();
    block.setLength(0);
    if (!line.isEmpty()) {
      if (!result.isEmpty()) {
        result.append("\n\n");
      }
      result.append(line);
    }
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\u000B' || c == '\u00a0';
  }

  /** One line of plain text, for titles that some feeds write as HTML. */
  static String line(String maybeHtml) {
    if (maybeHtml == null) {
      return null;
    }
    String text = maybeHtml.indexOf('<') >= 0 || maybeHtml.indexOf('&') >= 0 ? Jsoup.parse(maybeHtml).text() : maybeHtml;
    text = SPACES.matcher(text).replaceAll(" ").strip();
    return text.isEmpty() ? null : text;
  }

  static String sanitise(String html, String baseUrl) {
    if (html == null || html.isBlank()) {
      return null;
    }
    // no pretty-printing: re-indenting the cleaned markup cost more than cleaning it, and the text keeps its own spacing
    return Jsoup.clean(html, baseUrl == null ? "" : baseUrl, SAFE, new org.jsoup.nodes.Document.OutputSettings().prettyPrint(false));
  }
}
