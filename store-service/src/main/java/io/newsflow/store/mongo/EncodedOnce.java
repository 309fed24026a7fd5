package io.newsflow.store.mongo;

import com.mongodb.client.MongoCollection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.Codec;

/**
 * Array entries that a batch adds to many documents (an article's timeline ref goes to ~15 key pages, its list item to
 * every busy key's newest items, an event's ref to each of its keys), encoded to BSON once per entry instead of twice
 * per document: an update given as {@code Updates.pushEach(...)} is first turned into a {@code BsonDocument} tree and
 * then written to the wire, for every document it goes to. Built here as a {@code BsonDocument} whose entries are
 * {@link RawBsonDocument}s, the driver sends it as it is and copies each entry's bytes. The bytes are those the
 * collection's own codec gives, so the server sees the same update. One instance per batch (it keeps every entry
 * until then), entries known by identity: the callers pass the same document object for the same entry.
 */
public final class EncodedOnce {

  private final Codec<Document> codec;
  private final Map<Document, RawBsonDocument> encoded = new IdentityHashMap<>();

  public EncodedOnce(MongoCollection<Document> collection) {
    this.codec = collection.getCodecRegistry().get(Document.class);
  }

  /** The entries as one BSON array, each encoded on first use. */
  public BsonArray array(List<Document> entries) {
    BsonArray array = new BsonArray(entries.size());
    for (Document entry : entries) {
      array.add(encoded.computeIfAbsent(entry, e -> new RawBsonDocument(e, codec)));
    }
    return array;
  }

  /** {@code {$push: {field: {$each: [...]}}}}. */
  public BsonDocument pushEach(String field, List<Document> entries) {
    return new BsonDocument("$push", new BsonDocument(field, new BsonDocument("$each", array(entries))));
  }

  /** {@code {$push: {field: {$each: [...], $sort: sort, $slice: slice}}}}: a bounded list kept in order. */
  public BsonDocument pushSorted(String field, List<Document> entries, Document sort, int slice) {
    return new BsonDocument("$push", new BsonDocument(field, new BsonDocument("$each", array(entries))
        .append("$sort", toBson(sort)).append("$slice", new BsonInt32(slice))));
  }

  /** A small document (a {@code $setOnInsert} skeleton, a sort spec) as BSON, through the same codec, not kept. */
  public BsonDocument toBson(Document small) {
    return new RawBsonDocument(small, codec);
  }
}
