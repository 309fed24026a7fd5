package io.newsflow.store.mongo;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.bulk.BulkWriteResult;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.WriteModel;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;

/**
 * Read-modify-write of whole documents by {@code _id}, guarded by a version field {@code v}, so that two
 * writers never silently lose each other's changes. Reads are {@code _id $in} lookups only: the one query
 * shape every MongoDB-wire server answers from an index.
 */
public final class VersionedDocuments {

  static final String VERSION = "v";
  private static final int LOOKUP_CHUNK = 500;
  private static final int DUPLICATE_KEY = 11000;

  private VersionedDocuments() {}

  public static Map<String, Document> load(MongoCollection<Document> collection, Collection<String> ids) {
    Map<String, Document> found = new HashMap<>();
    List<String> all = new ArrayList<>(ids);
    for (int i = 0; i < all.size(); i += LOOKUP_CHUNK) {
      List<String> chunk = all.subList(i, Math.min(all.size(), i + LOOKUP_CHUNK));
      for (Document d : collection.find(Filters.in("_id", chunk))) {
        found.put(d.getString("_id"), d);
      }
    }
    return found;
  }

  /**
   * Writes every document: inserts those without a version, replaces the others only if their stored
   * version is still the one read. Increments the version in the given documents.
   *
   * @throws ConcurrentUpdateException when another writer got there first
   */
  public static void save(MongoCollection<Document> collection, Collection<Document> documents) {
    if (documents.isEmpty()) {
      return;
    }
    List<WriteModel<Document>> writes = new ArrayList<>(documents.size());
    int replaces = 0;
    for (Document d : documents) {
      int version = d.getInteger(VERSION, 0);
      d.put(VERSION, version + 1);
      if (version == 0) {
        writes.add(new InsertOneModel<>(d));
      } else {
        writes.add(new ReplaceOneModel<>(Filters.and(Filters.eq("_id", d.get("_id")), Filters.eq(VERSION, version)), d));
        replaces++;
      }
    }
    BulkWriteResult result;
    try {
      result = collection.bulkWrite(writes, new BulkWriteOptions().ordered(false));
    } catch (MongoBulkWriteException e) {
      List<String> conflicts = new ArrayList<>();
      for (BulkWriteError error : e.getWriteErrors()) {
        if (error.getCode() != DUPLICATE_KEY) {
          throw e;
        }
        conflicts.add(String.valueOf(writes.get(error.getIndex()) instanceof InsertOneModel<Document> insert
            ? insert.getDocument().get("_id") : "?"));
      }
      throw new ConcurrentUpdateException(collection.getNamespace().getCollectionName(), conflicts, e);
    }
    if (result.getMatchedCount() != replaces) {
      throw new ConcurrentUpdateException(collection.getNamespace().getCollectionName(),
          List.of((replaces - result.getMatchedCount()) + " replaced documents"), null);
    }
  }
}
