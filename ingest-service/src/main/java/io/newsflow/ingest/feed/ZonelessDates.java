package io.newsflow.ingest.feed;

import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Dates without an offset ("Thu, 12 Sep 2024 07:30:00", "2024-09-12 07:30"), which Rome drops, read
 * in the feed's configured zone. The raw date of each item is taken from the XML in document order.
 */
final class ZonelessDates {

  private static final Set<String> ITEM = Set.of("item", "entry");
  private static final Set<String> DATE = Set.of("pubDate", "date", "published", "issued", "updated", "modified", "created");
  private static final List<DateTimeFormatter> DATE_TIMES = List.of(
      pattern("EEE, d MMM yyyy HH:mm[:ss]"), pattern("d MMM yyyy HH:mm[:ss]"),
      pattern("yyyy-MM-dd'T'HH:mm[:ss][.SSS]"), pattern("yyyy-MM-dd HH:mm[:ss]"));

  private ZonelessDates() {}

  private static DateTimeFormatter pattern(String p) {
    return new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(p).toFormatter(Locale.ENGLISH);
  }

  /** The first date element's text of each item or entry, in order; null where an item has none. */
  static List<String> rawItemDates(String xml) {
    List<String> dates = new ArrayList<>();
    try {
      XMLInputFactory factory = XMLInputFactory.newFactory();
      factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
      factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
      XMLStreamReader r = factory.createXMLStreamReader(new StringReader(xml));
      int depth = 0;
      int itemDepth = -1;
      while (r.hasNext()) {
        int event = r.next();
        if (event == XMLStreamConstants.START_ELEMENT) {
          depth++;
          String name = r.getLocalName();
          if (itemDepth < 0 && ITEM.contains(name)) {
            itemDepth = depth;
            dates.add(null);
          } else if (itemDepth > 0 && depth == itemDepth + 1 && DATE.contains(name) && dates.getLast() == null) {
            dates.set(dates.size() - 1, r.getElementText().strip());
            depth--;
          }
        } else if (event == XMLStreamConstants.END_ELEMENT) {
          if (depth == itemDepth) {
            itemDepth = -1;
          }
          depth--;
        }
      }
    } catch (XMLStreamException | RuntimeException e) {
      // best effort: Rome already accepted the document, so dates simply stay unknown
    }
    return dates;
  }

  /** The instant for a date written without an offset, read in {@code zone}; null when not such a date. */
  static Instant parse(String raw, ZoneId zone) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    String s = raw.strip().replaceAll("\\s+", " ");
    for (DateTimeFormatter f : DATE_TIMES) {
      try {
        return LocalDateTime.parse(s, f).atZone(zone).toInstant();
      } catch (DateTimeParseException ignored) {
        // next pattern
      }
    }
    try {
      return LocalDate.parse(s).atStartOfDay(zone).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
