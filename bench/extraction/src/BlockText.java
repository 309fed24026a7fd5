import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Text of an HTML fragment with a line break at every block boundary, so words of adjacent blocks
 * do not fuse into one token. Used for Readability's HTML output and expected.html alike, so both
 * are scored from text made the same way.
 */
final class BlockText {

  private static final Set<String> BLOCKS = Set.of("p", "div", "section", "article", "li", "ul", "ol", "h1", "h2",
      "h3", "h4", "h5", "h6", "blockquote", "pre", "table", "tr", "td", "th", "figure", "figcaption", "br",
      "header", "footer", "dl", "dt", "dd", "hr", "main", "aside", "nav");

  private BlockText() {}

  static String of(Element root) {
    StringBuilder sb = new StringBuilder();
    NodeTraversor.traverse(new NodeVisitor() {
      @Override
      public void head(Node node, int depth) {
        if (node instanceof TextNode t) {
          sb.append(t.getWholeText());
        } else if (node instanceof Element e && BLOCKS.contains(e.normalName())) {
          sb.append('\n');
        }
      }

      @Override
      public void tail(Node node, int depth) {
        if (node instanceof Element e && BLOCKS.contains(e.normalName())) {
          sb.append('\n');
        }
      }
    }, root);
    return sb.toString().replaceAll("[ \\t\\u00a0]+", " ").replaceAll("\\s*\\n\\s*", "\n\n").strip();
  }
}
