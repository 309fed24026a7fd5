package io.newsflow.enrich.pipeline;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import io.newsflow.model.article.ActorTag;
import io.newsflow.model.article.DatedEvent;
import io.newsflow.model.article.Dedupe;
import io.newsflow.model.article.EnrichedArticle;
import io.newsflow.model.article.RawArticle;
import io.newsflow.model.article.Span;
import io.newsflow.model.article.ThemeTag;
import io.newsflow.model.json.EventJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Writes an {@link EnrichedArticle} as the exact bytes {@link EventJson#toBytes} gives (same generator
 * factory, same field order, same omission of nulls), without databind's per-property reflection,
 * which cost about a fifth of the whole enrichment of a 5 KB article. {@code EnrichedArticleWriterTest}
 * holds the two byte for byte; a field added to the contract must be added here too (that test fails
 * until it is).
 */
public final class EnrichedArticleWriter {

  private static final SerializedString EVENT_ID = new SerializedString("eventId");
  private static final SerializedString SCHEMA_VERSION = new SerializedString("schemaVersion");
  private static final SerializedString OCCURRED_AT = new SerializedString("occurredAt");
  private static final SerializedString ARTICLE_ID = new SerializedString("articleId");
  private static final SerializedString TEXT = new SerializedString("text");
  private static final SerializedString START = new SerializedString("start");
  private static final SerializedString END = new SerializedString("end");
  private static final SerializedString ACTORS = new SerializedString("actors");
  private static final SerializedString THEMES = new SerializedString("themes");
  private static final SerializedString TAXONOMY_VERSION = new SerializedString("taxonomyVersion");
  private static final SerializedString CONTENT_HASH = new SerializedString("contentHash");

  /**
   * One output buffer per consumer thread, reset for each article: a buffer per article (sized by
   * estimate, then grown: enriched articles are 13–22 KB, evidence and events included) was an eighth
   * of the bytes the enrichment of an article allocated. Only the result is allocated now. After an
   * unusually large article the thread keeps one block of at most Jackson's largest block size.
   */
  private static final ThreadLocal<ByteArrayBuilder> BUFFER = ThreadLocal.withInitial(() -> new ByteArrayBuilder(64 * 1024));

  private EnrichedArticleWriter() {}

  public static byte[] toBytes(EnrichedArticle article) {
    ByteArrayBuilder out = BUFFER.get();
    out.reset(); // a failure half-way left its bytes behind
    try {
      try (JsonGenerator gen = EventJson.mapper().getFactory().createGenerator(out, JsonEncoding.UTF8)) {
        write(gen, article);
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot serialise EnrichedArticle " + article.articleId(), e);
    }
  }

  private static void write(JsonGenerator gen, EnrichedArticle a) throws IOException {
    gen.writeStartObject();
    string(gen, EVENT_ID, a.eventId());
    gen.writeFieldName(SCHEMA_VERSION);
    gen.writeNumber(a.schemaVersion());
    instant(gen, OCCURRED_AT, a.occurredAt());
    string(gen, ARTICLE_ID, a.articleId());
    gen.writeFieldName("article");
    raw(gen, a.article());
    gen.writeFieldName("dedupe");
    dedupe(gen, a.dedupe());
    gen.writeFieldName(ACTORS);
    gen.writeStartArray();
    for (ActorTag t : a.actors()) {
      actor(gen, t);
    }
    gen.writeEndArray();
    gen.writeFieldName(THEMES);
    gen.writeStartArray();
    for (ThemeTag t : a.themes()) {
      theme(gen, t);
    }
    gen.writeEndArray();
    gen.writeFieldName("events");
    gen.writeStartArray();
    for (DatedEvent e : a.events()) {
      event(gen, e);
    }
    gen.writeEndArray();
    string(gen, "gazetteerVersion", a.gazetteerVersion());
    string(gen, TAXONOMY_VERSION, a.taxonomyVersion());
    gen.writeEndObject();
  }

  private static void raw(JsonGenerator gen, RawArticle r) throws IOException {
    gen.writeStartObject();
    string(gen, EVENT_ID, r.eventId());
    gen.writeFieldName(SCHEMA_VERSION);
    gen.writeNumber(r.schemaVersion());
    instant(gen, OCCURRED_AT, r.occurredAt());
    string(gen, ARTICLE_ID, r.articleId());
    gen.writeFieldName("revision");
    gen.writeNumber(r.revision());
    string(gen, "change", r.change() == null ? null : r.change().name());
    string(gen, "feedId", r.feedId());
    string(gen, "feedUrl", r.feedUrl());
    string(gen, "sourceName", r.sourceName());
    string(gen, "url", r.url());
    string(gen, "canonicalUrl", r.canonicalUrl());
    string(gen, "title", r.title());
    string(gen, "summary", r.summary());
    string(gen, TEXT, r.text());
    string(gen, "html", r.html());
    strings(gen, "authors", r.authors());
    instant(gen, "publishedAt", r.publishedAt());
    instant(gen, "modifiedAt", r.modifiedAt());
    instant(gen, "fetchedAt", r.fetchedAt());
    string(gen, "language", r.language());
    string(gen, "imageUrl", r.imageUrl());
    string(gen, CONTENT_HASH, r.contentHash());
    gen.writeFieldName("provenance");
    gen.writeStartObject();
    // the map's own iteration order, as databind's map serialiser uses it
    for (Map.Entry<String, String> e : r.provenance().entrySet()) {
      gen.writeStringField(e.getKey(), e.getValue());
    }
    gen.writeEndObject();
    strings(gen, "flags", r.flags());
    gen.writeEndObject();
  }

  private static void dedupe(JsonGenerator gen, Dedupe d) throws IOException {
    gen.writeStartObject();
    string(gen, "verdict", d.verdict().name());
    string(gen, "duplicateOf", d.duplicateOf());
    gen.writeFieldName("similarity");
    gen.writeNumber(d.similarity());
    string(gen, "storyId", d.storyId());
    string(gen, CONTENT_HASH, d.contentHash());
    // databind also writes the record's isDuplicate() accessor as a property
    gen.writeFieldName("duplicate");
    gen.writeBoolean(d.isDuplicate());
    gen.writeEndObject();
  }

  private static void actor(JsonGenerator gen, ActorTag t) throws IOException {
    gen.writeStartObject();
    string(gen, "actorId", t.actorId());
    string(gen, "name", t.name());
    string(gen, "type", t.type());
    gen.writeFieldName("mentions");
    gen.writeNumber(t.mentions());
    gen.writeFieldName("firstOffset");
    gen.writeNumber(t.firstOffset());
    gen.writeFieldName("inTitle");
    gen.writeBoolean(t.inTitle());
    gen.writeFieldName("adjectivalOnly");
    gen.writeBoolean(t.adjectivalOnly());
    gen.writeFieldName("salience");
    gen.writeNumber(t.salience());
    spans(gen, "spans", t.spans());
    gen.writeEndObject();
  }

  private static void theme(JsonGenerator gen, ThemeTag t) throws IOException {
    gen.writeStartObject();
    string(gen, "themeId", t.themeId());
    string(gen, "label", t.label());
    gen.writeFieldName("score");
    gen.writeNumber(t.score());
    string(gen, TAXONOMY_VERSION, t.taxonomyVersion());
    spans(gen, "evidence", t.evidence());
    gen.writeEndObject();
  }

  private static void event(JsonGenerator gen, DatedEvent e) throws IOException {
    gen.writeStartObject();
    string(gen, START, e.start().toString());
    string(gen, END, e.end().toString());
    string(gen, "precision", e.precision().name());
    string(gen, "expression", e.expression());
    string(gen, "sentence", e.sentence());
    gen.writeFieldName("offset");
    gen.writeNumber(e.offset());
    strings(gen, ACTORS, e.actors());
    strings(gen, THEMES, e.themes());
    gen.writeEndObject();
  }

  private static void spans(JsonGenerator gen, String name, List<Span> spans) throws IOException {
    gen.writeFieldName(name);
    gen.writeStartArray();
    for (int i = 0, n = spans.size(); i < n; i++) {
      Span s = spans.get(i);
      gen.writeStartObject();
      string(gen, "field", s.field());
      gen.writeFieldName(START);
      gen.writeNumber(s.start());
      gen.writeFieldName(END);
      gen.writeNumber(s.end());
      string(gen, TEXT, s.text());
      gen.writeEndObject();
    }
    gen.writeEndArray();
  }

  private static void strings(JsonGenerator gen, String name, List<String> values) throws IOException {
    gen.writeFieldName(name);
    array(gen, values);
  }

  private static void strings(JsonGenerator gen, SerializableString name, List<String> values) throws IOException {
    gen.writeFieldName(name);
    array(gen, values);
  }

  private static void array(JsonGenerator gen, List<String> values) throws IOException {
    gen.writeStartArray();
    for (int i = 0, n = values.size(); i < n; i++) {
      gen.writeString(values.get(i));
    }
    gen.writeEndArray();
  }

  /** Databind omits null properties (the codec's NON_NULL inclusion). */
  private static void string(JsonGenerator gen, String name, String value) throws IOException {
    if (value != null) {
      gen.writeStringField(name, value);
    }
  }

  private static void string(JsonGenerator gen, SerializableString name, String value) throws IOException {
    if (value != null) {
      gen.writeFieldName(name);
      gen.writeString(value);
    }
  }

  /** The ISO-8601 form the codec's JavaTimeModule writes (ISO_INSTANT, which is Instant.toString). */
  private static void instant(JsonGenerator gen, String name, Instant value) throws IOException {
    if (value != null) {
      gen.writeStringField(name, value.toString());
    }
  }

  private static void instant(JsonGenerator gen, SerializableString name, Instant value) throws IOException {
    if (value != null) {
      gen.writeFieldName(name);
      gen.writeString(value.toString());
    }
  }
}
