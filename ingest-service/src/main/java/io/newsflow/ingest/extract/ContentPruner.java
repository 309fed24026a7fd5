package io.newsflow.ingest.extract;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Element;

/**
 * Removes, inside the chosen content, blocks that look like furniture rather than prose: link
 * lists ("Read more", "Related"), image galleries without text, blocks dominated by list items.
 * Works bottom-up so a container is judged after its junk children are gone.
 */
final class ContentPruner {

  private ContentPruner() {}

  static void prune(Element content) {
    List<Element> candidates = new ArrayList<>(content.select("div, section, ul, ol, table, figure, dl, center"));
    for (int i = candidates.size() - 1; i >= 0; i--) {
      Element e = candidates.get(i);
      if (e == content || e.parent() == null) {
        continue;
      }
      if (isJunk(e)) {
        e.remove();
      }
    }
  }

  private static boolean isJunk(Element e) {
    String text = e.text();
    int length = text.length();
    double weight = ContentFinder.classWeight(e);
    double linkDensity = TextStats.linkDensity(e);
    if (weight < 0 && length < 1000) {
      return true;
    }
    if (commas(text) >= 10) {
      return false;
    }
    int paragraphs = e.select("p").size();
    int images = e.select("img").size();
    int items = e.select("li").size();
    String tag = e.normalName();
    boolean isList = tag.equals("ul") || tag.equals("ol");
    if (!tag.equals("figure") && images > 1 && paragraphs < images / 2.0 && length < 200) {
      return true;
    }
    if (!isList && items > paragraphs + 2 && linkDensity > 0.3) {
      return true;
    }
    if (isList && linkDensity > 0.5 && length / Math.max(1, items) < 80) {
      return true;
    }
    if (weight < 25 && linkDensity > 0.35 && length < 2000) {
      return true;
    }
    return weight >= 25 && linkDensity > 0.5;
  }

  private static int commas(String s) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == ',') {
        n++;
      }
    }
    return n;
  }
}
