package io.newsflow.ingest.extract;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Turns content elements into paragraphs: every block element starts a new paragraph, {@code <br>}
 * starts a new line, whitespace runs collapse. Table cells of a row stay on one line. Iterative
 * (jsoup's traversor), so deep trees cannot overflow the stack.
 */
final class TextRenderer implements NodeVisitor {

  private final List<String> paragraphs = new ArrayList<>();
  private final StringBuilder current = new StringBuilder();
  private final int maxChars;
  private int total;

  private TextRenderer(int maxChars) {
    this.maxChars = maxChars;
  }

  static List<String> paragraphs(List<Element> content, int maxChars) {
    TextRenderer r = new TextRenderer(maxChars);
    for (Element e : content) {
      NodeTraversor.traverse(r, e);
      r.flush();
    }
    return r.paragraphs;
  }

  @Override
  public void head(Node node, int depth) {
    if (node instanceof TextNode t) {
      appendText(t.getWholeText());
    } else if (node instanceof Element e) {
      String tag = e.normalName();
      if (tag.equals("br")) {
        trimTrailingSpace();
        current.append('\n');
      } else if (tag.equals("td") || tag.equals("th")) {
        appendText(" ");
      } else if (tag.equals("img") && current.isEmpty()) {
        // images carry no text; nothing to do
      } else if (ContentFinder.BLOCK_TAGS.contains(tag)) {
        flush();
      }
    }
  }

  @Override
  public void tail(Node node, int depth) {
    if (node instanceof Element e && ContentFinder.BLOCK_TAGS.contains(e.normalName())
        && !e.normalName().equals("br") && !e.normalName().equals("td") && !e.normalName().equals("th")) {
      flush();
    }
  }

  private void appendText(String raw) {
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (Character.isWhitespace(c) || c == '\u00a0') {
        if (!current.isEmpty() && current.charAt(current.length() - 1) != ' '
            && current.charAt(current.length() - 1) != '\n') {
          current.append(' ');
        }
      } else if (c != '\u200b' && c != '\u00ad') {
        current.append(c);
      }
    }
  }

  private void trimTrailingSpace() {
    while (!current.isEmpty() && current.charAt(current.length() - 1) == ' ') {
      current.setLength(current.length() - 1);
    }
  }

  private void flush() {
    String block = current.toString().strip().replaceAll(" ?\n ?", "\n");
    current.setLength(0);
    // "text<br><br>text" is how many CMSs write paragraphs
    for (String p : block.split("\n{2,}")) {
      add(p.strip());
    }
  }

  private void add(String p) {
    if (p.isEmpty() || total >= maxChars) {
      return;
    }
    int separator = paragraphs.isEmpty() ? 0 : 2;
    if (total + separator + p.length() > maxChars) {
      p = p.substring(0, Math.max(0, maxChars - total - separator));
    }
    total += separator + p.length();
    paragraphs.add(p);
  }
}
