package io.newsflow.gateway.feeds;

import io.newsflow.gateway.http.InvalidParameterException;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Reads the feed subscriptions out of an OPML document (the export format of feed readers). The
 * JDK parser is hardened against external entities because the document comes from a client.
 */
final class OpmlReader {

  /** One {@code <outline xmlUrl=...>}: its feed URL and title, if any. */
  record Subscription(String url, String title) {}

  static final int MAX_FEEDS = 500;

  private OpmlReader() {}

  static List<Subscription> read(byte[] opml) {
    Document doc;
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      factory.setExpandEntityReferences(false);
      DocumentBuilder builder = factory.newDocumentBuilder();
      builder.setErrorHandler(null);
      doc = builder.parse(new ByteArrayInputStream(opml));
    } catch (Exception e) {
      throw new InvalidParameterException("body", "not a readable OPML document: " + e.getMessage());
    }
    if (!"opml".equalsIgnoreCase(doc.getDocumentElement().getTagName())) {
      throw new InvalidParameterException("body", "root element must be <opml>");
    }
    NodeList outlines = doc.getElementsByTagName("outline");
    List<Subscription> feeds = new ArrayList<>();
    for (int i = 0; i < outlines.getLength(); i++) {
      Element outline = (Element) outlines.item(i);
      String url = outline.getAttribute("xmlUrl").strip();
      if (url.isEmpty()) {
        continue; // a folder, not a feed
      }
      String title = outline.getAttribute("title").isBlank() ? outline.getAttribute("text") : outline.getAttribute("title");
      feeds.add(new Subscription(url, title.strip()));
    }
    if (feeds.isEmpty()) {
      throw new InvalidParameterException("body", "the OPML document lists no outline with an xmlUrl");
    }
    if (feeds.size() > MAX_FEEDS) {
      throw new InvalidParameterException("body", "at most " + MAX_FEEDS + " feeds per import, got " + feeds.size());
    }
    return feeds;
  }
}
