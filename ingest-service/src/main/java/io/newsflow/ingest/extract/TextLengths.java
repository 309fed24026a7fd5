package io.newsflow.ingest.extract;

import java.util.IdentityHashMap;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Text and link-text length of every element under a root, computed in one post-order pass, so
 * scoring can ask for the link density of thousands of nested candidates without re-reading each
 * subtree (which made the finder quadratic in nesting depth). Valid until the tree changes.
 */
final class TextLengths {

  private final Map<Element, int[]> lengths = new IdentityHashMap<>();

  private TextLengths() {}

  static TextLengths of(Element root) {
    TextLengths t = new TextLengths();
    NodeTraversor.traverse(new NodeVisitor() {
      @Override
      public void head(Node node, int depth) {
        if (node instanceof TextNode text && node.parent() instanceof Element parent) {
          int len = text.text().strip().length();
          if (len > 0) {
            int[] l = t.lengths.computeIfAbsent(parent, k -> new int[2]);
            l[0] += len;
          }
        }
      }

      @Override
      public void tail(Node node, int depth) {
        if (node instanceof Element e && e != root && e.parent() != null) {
          int[] own = t.lengths.get(e);
          if (own == null) {
            return;
          }
          if (e.normalName().equals("a")) {
            own[1] = (int) (own[0] * (e.attr("href").startsWith("#") ? 0.5 : 1));
          }
          int[] parent = t.lengths.computeIfAbsent(e.parent(), k -> new int[2]);
          parent[0] += own[0];
          parent[1] += own[1];
        }
      }
    }, root);
    return t;
  }

  int text(Element e) {
    int[] l = lengths.get(e);
    return l == null ? 0 : l[0];
  }

  double linkDensity(Element e) {
    int[] l = lengths.get(e);
    return l == null || l[0] == 0 ? 0 : Math.min(1, (double) l[1] / l[0]);
  }
}
