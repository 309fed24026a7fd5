package io.newsflow.enrich.pipeline;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.newsflow.model.article.ChangeKind;
import io.newsflow.model.article.RawArticle;
import io.newsflow.model.json.EventJson;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a {@link RawArticle} record value with a streaming parser, for the plain shape ingest-service
 * writes; anything else (a malformed value, a null where a number belongs, a number where a string
 * belongs, a repeated field, a failed record invariant) is handed to {@link EventJson#fromBytes}, so
 * results and errors stay exactly the codec's. Databind's record deserialiser cost about a sixth of
 * the enrichment of a 5 KB article; {@code RawArticleReaderTest} holds the two together.
 */
public final class RawArticleReader {

  private RawArticleReader() {}

  /**
   * @throws io.newsflow.model.json.EventDecodingException exactly when {@code EventJson.fromBytes} would
   */
  public static RawArticle fromBytes(byte[] bytes) {
    if (bytes != null) {
      try (JsonParser p = EventJson.mapper().getFactory().createParser(bytes)) {
        RawArticle fast = read(p);
        if (fast != null) {
          return fast;
        }
      } catch (IOException | RuntimeException e) {
        // the codec reports it, in its own words
      }
    }
    return EventJson.fromBytes(bytes, RawArticle.class);
  }

  /** The article, or null when the value leaves the plain shape (the codec then decides). */
  private static RawArticle read(JsonParser p) throws IOException {
    if (p.nextToken() != JsonToken.START_OBJECT) {
      return null;
    }
    Fields f = new Fields();
    long seen = 0;
    for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
      if (t != JsonToken.FIELD_NAME) {
        return null;
      }
      String name = p.currentName();
      int field = Fields.index(name);
      JsonToken value = p.nextToken();
      if (field < 0) {
        p.skipChildren(); // unknown fields are ignored, as by the codec
        continue;
      }
      if ((seen & (1L << field)) != 0) {
        return null; // a repeated field: leave the tie-break to the codec
      }
      seen |= 1L << field;
      if (!f.set(field, value, p)) {
        return null;
      }
    }
    // a missing int would be 0 in the codec too, but leave such values wholly to it
    if ((seen & Fields.REQUIRED_INTS) != Fields.REQUIRED_INTS) {
      return null;
    }
    return f.build();
  }

  /** The record's components, filled as they come. */
  private static final class Fields {
    static final String[] NAMES = {"eventId", "schemaVersion", "occurredAt", "articleId", "revision", "change",
        "feedId", "feedUrl", "sourceName", "url", "canonicalUrl", "title", "summary", "text", "html", "authors",
        "publishedAt", "modifiedAt", "fetchedAt", "language", "imageUrl", "contentHash", "provenance", "flags"};
    static final long REQUIRED_INTS = (1L << 1) | (1L << 4);
    private static final Map<String, Integer> INDEX = new java.util.HashMap<>();

    static {
      for (int i = 0; i < NAMES.length; i++) {
        INDEX.put(NAMES[i], i);
      }
    }

    final String[] strings = new String[NAMES.length];
    final Instant[] instants = new Instant[NAMES.length];
    int schemaVersion;
    int revision;
    ChangeKind change;
    List<String> authors;
    List<String> flags;
    Map<String, String> provenance;

    static int index(String name) {
      Integer i = INDEX.get(name);
      return i == null ? -1 : i;
    }

    boolean set(int field, JsonToken t, JsonParser p) throws IOException {
      switch (field) {
        case 1, 4 -> {
          if (t != JsonToken.VALUE_NUMBER_INT || p.getNumberType() != JsonParser.NumberType.INT) {
            return false;
          }
          if (field == 1) {
            schemaVersion = p.getIntValue();
          } else {
            revision = p.getIntValue();
          }
          return true;
        }
        case 2, 16, 17, 18 -> {
          if (t == JsonToken.VALUE_NULL) {
            return true;
          }
          Instant at = t == JsonToken.VALUE_STRING ? plainInstant(p.getText()) : null;
          instants[field] = at;
          return at != null;
        }
        case 5 -> {
          if (t == JsonToken.VALUE_NULL) {
            return true;
          }
          change = t == JsonToken.VALUE_STRING ? changeKind(p.getText()) : null;
          return change != null;
        }
        case 15, 23 -> {
          if (t == JsonToken.VALUE_NULL) {
            return true;
          }
          List<String> list = t == JsonToken.START_ARRAY ? stringList(p) : null;
          if (field == 15) {
            authors = list;
          } else {
            flags = list;
          }
          return list != null;
        }
        case 22 -> {
          if (t == JsonToken.VALUE_NULL) {
            return true;
          }
          provenance = t == JsonToken.START_OBJECT ? stringMap(p) : null;
          return provenance != null;
        }
        default -> {
          if (t == JsonToken.VALUE_NULL) {
            return true;
          }
          if (t != JsonToken.VALUE_STRING) {
            return false; // the codec would coerce a number or boolean to text, or fail
          }
          strings[field] = p.getText();
          return true;
        }
      }
    }

    RawArticle build() {
      String[] s = strings;
      Instant[] i = instants;
      return new RawArticle(s[0], schemaVersion, i[2], s[3], revision, change, s[6], s[7], s[8], s[9], s[10], s[11],
          s[12], s[13], s[14], authors, i[16], i[17], i[18], s[19], s[20], s[21], provenance, flags);
    }
  }

  private static List<String> stringList(JsonParser p) throws IOException {
    List<String> out = new ArrayList<>();
    for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
      if (t != JsonToken.VALUE_STRING) {
        return null;
      }
      out.add(p.getText());
    }
    return out;
  }

  /** Insertion-ordered like databind's map, so the record's copy iterates the same way. */
  private static Map<String, String> stringMap(JsonParser p) throws IOException {
    Map<String, String> out = new LinkedHashMap<>();
    for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
      String key = p.currentName();
      if (p.nextToken() != JsonToken.VALUE_STRING || out.containsKey(key)) {
        return null;
      }
      out.put(key, p.getText());
    }
    return out;
  }

  private static ChangeKind changeKind(String name) {
    for (ChangeKind k : ChangeKind.values()) {
      if (k.name().equals(name)) {
        return k;
      }
    }
    return null;
  }

  /**
   * Only the UTC form the codec writes ({@code 2024-09-12T08:30:00Z}, optionally with a fraction);
   * offsets, epoch numbers and other forms the codec's JavaTimeModule accepts are left to it.
   */
  private static Instant plainInstant(String text) {
    int n = text.length();
    if (n < 20 || n > 30 || text.charAt(10) != 'T' || text.charAt(n - 1) != 'Z' || text.charAt(0) == '+'
        || text.charAt(0) == '-') {
      return null;
    }
    Instant common = UtcInstants.parseCommonShape(text);
    if (common != null) {
      return common;
    }
    try {
      return Instant.parse(text);
    } catch (RuntimeException e) {
      return null;
    }
  }
}
