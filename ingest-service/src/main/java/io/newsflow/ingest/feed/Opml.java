package io.newsflow.ingest.feed;

import io.newsflow.model.feed.FeedDefinition;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/** OPML 2.0 subscription lists: export of the registry, import of outlines with an {@code xmlUrl}. */
public final class Opml {

  /** One subscription read from an OPML file; {@code tags} are the titles of enclosing folders. */
  public record Outline(String xmlUrl, String title, List<String> tags, String language) {}

  private Opml() {}

  /**
   * @throws IllegalArgumentException when the document is not OPML (DOCTYPEs refused, as in feeds)
   */
  public static List<Outline> read(byte[] opml) {
    Document doc;
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setXIncludeAware(false);
      factory.setExpandEntityReferences(false);
      DocumentBuilder builder = factory.newDocumentBuilder();
      builder.setErrorHandler(null);
      doc = builder.parse(new ByteArrayInputStream(opml));
    } catch (ParserConfigurationException | SAXException | IOException e) {
      throw new IllegalArgumentException("not a readable OPML document: " + e.getMessage(), e);
    }
    if (!"opml".equals(doc.getDocumentElement().getTagName())) {
      throw new IllegalArgumentException("not an OPML document: root is <" + doc.getDocumentElement().getTagName() + ">");
    }
    List<Outline> out = new ArrayList<>();
    NodeList bodies = doc.getElementsByTagName("body");
    if (bodies.getLength() > 0) {
      collect((Element) bodies.item(0), new ArrayList<>(), out);
    }
    return out;
  }

  private static void collect(Element parent, List<String> folders, List<Outline> out) {
    for (var n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (!(n instanceof Element e) || !e.getTagName().equals("outline")) {
        continue;
      }
      String xmlUrl = e.getAttribute("xmlUrl").strip();
      String title = !e.getAttribute("title").isBlank() ? e.getAttribute("title").strip() : e.getAttribute("text").strip();
      if (!xmlUrl.isEmpty()) {
        out.add(new Outline(xmlUrl, title.isEmpty() ? null : title, List.copyOf(folders),
            e.getAttribute("language").isBlank() ? null : e.getAttribute("language").strip()));
      } else {
        List<String> inner = new ArrayList<>(folders);
        if (!title.isEmpty()) {
          inner.add(title);
        }
        collect(e, inner, out);
      }
    }
  }

  public static String write(List<FeedDefinition> feeds) {
    StringWriter buffer = new StringWriter();
    try {
      XMLStreamWriter w = XMLOutputFactory.newInstance().createXMLStreamWriter(buffer);
      w.writeStartDocument("UTF-8", "1.0");
      w.writeStartElement("opml");
      w.writeAttribute("version", "2.0");
      w.writeStartElement("head");
      w.writeStartElement("title");
      w.writeCharacters("newsflow feeds");
      w.writeEndElement();
      w.writeEndElement();
      w.writeStartElement("body");
      for (FeedDefinition f : feeds) {
        w.writeEmptyElement("outline");
        w.writeAttribute("type", "rss");
        w.writeAttribute("text", f.title() == null ? f.url() : f.title());
        if (f.title() != null) {
          w.writeAttribute("title", f.title());
        }
        w.writeAttribute("xmlUrl", f.url());
        if (f.siteUrl() != null) {
          w.writeAttribute("htmlUrl", f.siteUrl());
        }
        if (f.language() != null) {
          w.writeAttribute("language", f.language());
        }
        if (!f.tags().isEmpty()) {
          w.writeAttribute("category", String.join(",", f.tags()));
        }
      }
      w.writeEndElement();
      w.writeEndElement();
      w.writeEndDocument();
      w.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("writing OPML to a string cannot fail", e);
    }
    return buffer.toString();
  }
}
