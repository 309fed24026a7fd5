package io.newsflow.localstack.h2;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's H2 backend with typed storage: documents and {@code _id}s in a compact binary form
 * ({@link BsonValues}) and unique-index keys compared in place ({@link KeyValueType}), where the plain backend opens
 * every map with H2's {@code ObjectDataType}, which Java-serialises each document on every page write and
 * deserialises it on every page read, and Java-serialises both index keys on every B-tree comparison (they are not
 * Comparable). In a JFR profile of the store's burst benchmark those took 52 % of the server's CPU (20 % key
 * comparisons, 23 % serialisation for page writes, 8 % deserialisation), 60 % in raw {@code insertMany}. Measured
 * A/B against the plain backend (local-stack/README.md): the burst's server CPU per article −40 to −48 %, raw
 * {@code insertMany} on a seeded store +141 % documents per CPU-second, the store's writer +37 %. Collection and index maps that already exist in the file stay on H2's default types ({@link TypedMaps}), so a
 * file written by the plain backend opens and works as before; a file with typed maps needs this backend to be read.
 * Every collection, typed or not, works out its data size only when a stats command asks ({@link OnDemandSizeCollection}).
 */
public final class TypedH2Backend extends H2Backend {

  private static final String DATA_PREFIX = "databases.";
  private static final String META_PREFIX = "meta.";

  // no initialiser: H2Backend's constructor opens the existing databases before this class's fields are assigned
  private TypedMaps typedMaps;
  private Set<OnDemandSizeCollection> openedCollections;

  public TypedH2Backend(MVStore store) {
    super(store);
  }

  /** Whether the file holds maps in the typed forms, which the plain backend cannot read. */
  public static boolean holdsTypedMaps(MVStore store) {
    return TypedMaps.anyIn(store);
  }

  @Override
  protected MongoDatabase openOrCreateDatabase(String databaseName) {
    return new TypedDatabase(databaseName);
  }

  /**
   * A file without typed maps may be opened by the plain backend again, which reads the data size from the meta map
   * instead of computing it: write the true sizes there before the store closes (not after a kill, so such a file's
   * collStats size may then be stale; nothing in newsflow reads it).
   */
  @Override
  public void close() {
    try {
      if (!getMvStore().isClosed() && !holdsTypedMaps(getMvStore())) {
        openedCollections().forEach(OnDemandSizeCollection::storeSizeForPlainBackend);
      }
    } finally {
      // whatever happened above, the store must still close: closing is what saves its last changes
      super.close();
    }
  }

  private synchronized Set<OnDemandSizeCollection> openedCollections() {
    if (openedCollections == null) {
      openedCollections = ConcurrentHashMap.newKeySet();
    }
    return openedCollections;
  }

  private synchronized TypedMaps typedMaps() {
    if (typedMaps == null) {
      typedMaps = new TypedMaps(getMvStore());
    }
    return typedMaps;
  }

  /** An inner class, so that the maps are reachable from the overrides H2Database's constructor already calls. */
  private final class TypedDatabase extends H2Database {

    TypedDatabase(String databaseName) {
      super(databaseName, getMvStore(), getCursorRegistry());
    }

    @Override
    protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
      String fullName = getFullCollectionNamespace(collectionName);
      MVMap<Object, Document> data = typedMaps().open(DATA_PREFIX + fullName, BsonValueType.INSTANCE, BsonValueType.INSTANCE);
      MVMap<String, Object> meta = getMvStore().openMap(META_PREFIX + fullName);
      OnDemandSizeCollection collection = new OnDemandSizeCollection(this, collectionName, options, data, meta, cursorRegistry);
      openedCollections().add(collection);
      return collection;
    }

    @Override
    protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
      MVMap<KeyValue, Object> map = typedMaps().open(getFullCollectionNamespace(collectionName) + "._index_" + indexName,
          KeyValueType.INSTANCE, BsonValueType.INSTANCE);
      return new TypedUniqueIndex(map, indexName, keys, sparse);
    }

    @Override
    protected void dropIndex(MongoCollection<Object> collection, String indexName) {
      super.dropIndex(collection, indexName);
      typedMaps().forgetDropped();
    }

    @Override
    public void dropCollection(String collectionName, Oplog oplog) {
      super.dropCollection(collectionName, oplog);
      typedMaps().forgetDropped();
    }

    @Override
    public void drop(Oplog oplog) {
      super.drop(oplog);
      typedMaps().forgetDropped();
    }

    @Override
    public void moveCollection(MongoDatabase oldDatabase, MongoCollection<?> collection, String newCollectionName) {
      String from = DATA_PREFIX + collection.getFullName();
      String to = DATA_PREFIX + getFullCollectionNamespace(newCollectionName);
      super.moveCollection(oldDatabase, collection, newCollectionName);
      typedMaps().renamed(from, to);
    }
  }
}
