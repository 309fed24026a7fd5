package io.newsflow.ingest.extract;

import org.jsoup.nodes.Element;

/** Measures shared by the finder and the pruner. */
final class TextStats {

  private TextStats() {}

  /** Share of the element's text that sits inside links; in-page anchors ("#note1") count half. */
  static double linkDensity(Element e) {
    int total = e.text().length();
    if (total == 0) {
      return 0;
    }
    double linked = 0;
    for (Element a : e.select("a")) {
      String href = a.attr("href");
      linked += a.text().length() * (href.startsWith("#") ? 0.5 : 1);
    }
    return Math.min(1, linked / total);
  }
}
