package io.newsflow.store.mongo;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoInternalException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.BsonDocument;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Reads and writes of read-model documents by {@code _id}. Every write is an update filtered on {@code _id} alone and
 * made of atomic operators ({@code $push}, {@code $pull}, {@code $set} of a field): the server applies
 * it to the current document, so concurrent writers never lose each other's changes without any version
 * guard, and the filter is the one shape every MongoDB-wire server answers from the {@code _id} index
 * (a filter such as {@code {_id, v}} is a collection scan on the embedded server, and grows with the store).
 */
public final class KeyedDocuments {

  /** MongoDB's error code for a unique index (here {@code _id}) violated. */
  public static final int DUPLICATE_KEY = 11000;
  private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);

  private static final int LOOKUP_CHUNK = 500;

  private KeyedDocuments() {}

  /** Reads by {@code _id $in}, in chunks: the one query shape every MongoDB-wire server answers from an index. */
  public static Map<String, Document> load(MongoCollection<Document> collection, Collection<String> ids) {
    return load(collection, ids, null);
  }

  /** As {@link #load(MongoCollection, Collection)}, returning only the fields of {@code projection} (null: all). */
  public static Map<String, Document> load(MongoCollection<Document> collection, Collection<String> ids, Bson projection) {
    return load(collection, ids, projection, LOOKUP_CHUNK);
  }

  /**
   * As {@link #load(MongoCollection, Collection, Bson)}, at most {@code chunkSize} ids per query: pages of a few
   * hundred entries are ~100 KB each, and one reply must stay well under the server's message limit.
   */
  public static Map<String, Document> load(MongoCollection<Document> collection, Collection<String> ids, Bson projection,
      int chunkSize) {
    Map<String, Document> found = new HashMap<>();
    List<String> all = new ArrayList<>(ids);
    for (int i = 0; i < all.size(); i += chunkSize) {
      loadChunk(collection, all.subList(i, Math.min(all.size(), i + chunkSize)), projection, found);
    }
    return found;
  }

  /**
   * One query for a chunk of ids; halved and asked again if the reply would be larger than a wire message may be.
   * Real MongoDB never sends such a reply (it ends a batch at 16 MB and the driver asks for more); the embedded
   * server sends the whole batch asked for, and chunk sizes are chosen from the usual size of a collection's
   * documents, which a store that grew busier than planned can exceed (28 Nov: co-occurrence parts, 48.7 MB).
   */
  private static void loadChunk(MongoCollection<Document> collection, List<String> chunk, Bson projection, Map<String, Document> found) {
    try {
      // batchSize: one reply per chunk, not the server's default first batch of 101 and a getMore
      for (Document d : collection.find(Filters.in("_id", chunk)).projection(projection).batchSize(chunk.size())) {
        found.put(d.getString("_id"), d);
      }
    } catch (MongoInternalException e) {
      if (chunk.size() < 2 || e.getMessage() == null || !e.getMessage().contains("greater than the maximum message length")) {
        throw e;
      }
      int half = chunk.size() / 2;
      loadChunk(collection, chunk.subList(0, half), projection, found);
      loadChunk(collection, chunk.subList(half, chunk.size()), projection, found);
    }
  }

  /**
   * Creates the document with its skeleton if it is missing, else does nothing. Sent before updates of
   * sub-fields of the skeleton, which cannot share one update with a {@code $setOnInsert} of their parent.
   */
  public static WriteModel<Document> ensure(String id, Document skeleton) {
    return new UpdateOneModel<>(Filters.eq("_id", id), Updates.setOnInsert(skeleton), UPSERT);
  }

  /** One update of an existing document (created by {@link #ensure} earlier in the same ordered batch). */
  public static WriteModel<Document> update(String id, List<Bson> updates) {
    return new UpdateOneModel<>(Filters.eq("_id", id), Updates.combine(updates));
  }

  /** An update that creates the document when missing. */
  public static WriteModel<Document> upsert(String id, List<Bson> updates) {
    return new UpdateOneModel<>(Filters.eq("_id", id), Updates.combine(updates), UPSERT);
  }

  /** An update built as BSON already (see {@link EncodedOnce}) that creates the document when missing. */
  public static WriteModel<Document> upsert(String id, BsonDocument update) {
    return new UpdateOneModel<>(Filters.eq("_id", id), update, UPSERT);
  }

  /** Sets {@code parent.name} to each count, removes zero counts: a value recomputed from content, so repeatable. */
  public static List<Bson> counts(String parent, Map<String, Long> counts) {
    List<Bson> updates = new ArrayList<>(counts.size());
    counts.forEach((name, n) -> updates.add(n == 0 ? Updates.unset(parent + "." + name) : Updates.set(parent + "." + name, n)));
    return updates;
  }

  /**
   * One round trip; ordered, because an {@link #ensure} must run before the updates that follow it. Two store
   * instances upserting the same new {@code _id} at once can make one upsert fail with a duplicate key (servers
   * that do not retry such upserts themselves): that is a race, not bad data, so it is raised as a
   * {@link ConcurrentUpdateException} and the batch is applied again, finding the document there.
   */
  public static void write(MongoCollection<Document> collection, List<WriteModel<Document>> writes) {
    if (writes.isEmpty()) {
      return;
    }
    try {
      collection.bulkWrite(writes, new BulkWriteOptions().ordered(true));
    } catch (MongoBulkWriteException e) {
      if (!e.getWriteErrors().isEmpty() && e.getWriteErrors().stream().allMatch(err -> err.getCode() == DUPLICATE_KEY)) {
        throw new ConcurrentUpdateException(collection.getNamespace().getCollectionName(),
            e.getWriteErrors().stream().map(BulkWriteError::getMessage).toList(), e);
      }
      throw e;
    }
  }
}
