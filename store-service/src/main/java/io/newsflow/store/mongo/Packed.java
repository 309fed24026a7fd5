package io.newsflow.store.mongo;

import com.mongodb.MongoClientSettings;
import org.bson.BsonBinaryWriter;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.Codec;
import org.bson.codecs.EncoderContext;
import org.bson.io.BasicOutputBuffer;
import org.bson.types.Binary;

/**
 * Fields that only this service reads, stored as one BSON binary (the document's own BSON bytes) instead of as
 * fields. The embedded server does its work value by value: on every update of a document it decodes the command,
 * clones the stored document, and writes each value back to H2 (strings char by char); in a burst profile that was
 * most of its CPU ({@code BENCHMARKS.md}, "Packed refs and newest items"). A packed field is one value whose bytes
 * are copied as they are. Used where the server never tests the fields: a list entry's item ({@code LatestItems}),
 * a bucket ref's filter fields ({@code Codecs.refDocument}). Real MongoDB stores it as opaque binary too.
 */
public final class Packed {

  /** The field holding the packed bytes. */
  public static final String FIELD = "bson";

  // the driver's default Document codec: unpacked documents have the types a read from the server gives
  private static final Codec<Document> CODEC = MongoClientSettings.getDefaultCodecRegistry().get(Document.class);

  private Packed() {}

  /** The document as BSON bytes. */
  public static Binary pack(Document fields) {
    BasicOutputBuffer out = new BasicOutputBuffer(512);
    CODEC.encode(new BsonBinaryWriter(out), fields, EncoderContext.builder().build());
    return new Binary(out.toByteArray());
  }

  /** The fields packed in {@code d}, or {@code d} itself where it has none (written before packing). */
  public static Document open(Document d) {
    Binary bytes = d.get(FIELD, Binary.class);
    return bytes == null ? d : new RawBsonDocument(bytes.getData()).decode(CODEC);
  }
}
