package io.newsflow.localstack.h2;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerException;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.concurrent.atomic.AtomicLong;
import org.h2.mvstore.MVMap;

/**
 * An H2 collection that works out its data size when a stats command asks, instead of on every write.
 *
 * <p>mongo-java-server keeps a running data size for {@code collStats}/{@code dbStats}/{@code validate}: each insert
 * BSON-encodes the new document, each update the old <em>and</em> the new one, each delete the removed one, only to
 * measure them, and writes the sum into the collection's meta map. In a JFR profile of the end-to-end run that
 * encoding ({@code Utils.calculateSize}) was 13.5 % of the local stack's CPU, and nothing in newsflow asks for the
 * size. Here a write only bumps a counter; the size is the sum of the stored documents' BSON sizes (the library's own
 * measure, through its own encoder), computed at the first stats request after a write and kept until the next
 * write. That makes a stats request cost one pass over the collection, which is fine for a command that is asked
 * rarely and by hand; a running size in any cheaper form would still need the old document's size on every update.
 *
 * <p>The meta map's {@code dataSize} entry is no longer kept up to date while this class writes; a file the plain
 * backend can still read gets the true value written back on a clean close ({@link #storeSizeForPlainBackend()}).
 */
final class OnDemandSizeCollection extends H2Collection {

  private static final String DATA_SIZE_KEY = "dataSize";
  private static final long NOT_COMPUTED = -1;

  // no initialisers: H2Collection's constructor calls getDataSize() before these are assigned
  private MVMap<Object, Document> documents;
  private MVMap<String, Object> meta;
  private AtomicLong writes;
  private volatile long sizeAtWrites = NOT_COMPUTED;
  private volatile int size;

  OnDemandSizeCollection(MongoDatabase database, String collectionName, CollectionOptions options,
      MVMap<Object, Document> documents, MVMap<String, Object> meta, CursorRegistry cursorRegistry) {
    super(database, collectionName, options, documents, meta, cursorRegistry);
    this.documents = documents;
    this.meta = meta;
    this.writes = new AtomicLong();
  }

  @Override
  protected boolean tracksDataSize() {
    return false;
  }

  @Override
  protected int getDataSize() {
    if (documents == null) {
      // H2Collection's constructor logs the size; no need to read the whole collection for a debug line
      return 0;
    }
    // the counter is read before the pass and bumped after each change: a write racing with the pass always leaves
    // the counter ahead of the cached value, so the next request computes again
    long writesBefore = writes.get();
    if (sizeAtWrites != writesBefore) {
      size = computeSize();
      sizeAtWrites = writesBefore;
    }
    return size;
  }

  @Override
  protected Object addDocumentInternal(Document document) {
    try {
      return super.addDocumentInternal(document);
    } finally {
      writes.incrementAndGet();
    }
  }

  @Override
  protected void handleUpdate(Object position, Document oldDocument, Document newDocument) {
    try {
      super.handleUpdate(position, oldDocument, newDocument);
    } finally {
      writes.incrementAndGet();
    }
  }

  @Override
  protected void removeDocument(Object position) {
    try {
      super.removeDocument(position);
    } finally {
      writes.incrementAndGet();
    }
  }

  /**
   * Writes the true size into the meta map, where the plain backend reads its running size from. Only worth doing
   * while the file holds no typed maps (the plain backend cannot open it otherwise); skipped for a dropped collection.
   */
  void storeSizeForPlainBackend() {
    if (!documents.isClosed() && !meta.isClosed()) {
      meta.put(DATA_SIZE_KEY, (long) getDataSize());
    }
  }

  /** The sum of the documents' BSON sizes, as the library's {@code Utils.calculateSize} measures each one. */
  private int computeSize() {
    ByteBuf buffer = Unpooled.buffer();
    try {
      long sum = 0;
      for (Document document : documents.values()) {
        buffer.clear();
        BsonEncoder.encodeDocument(document, buffer);
        sum += buffer.writerIndex();
      }
      // the library's running size is an int too; clamp instead of wrapping past 2 GB
      return (int) Math.min(sum, Integer.MAX_VALUE);
    } catch (RuntimeException e) {
      throw new MongoServerException("Failed to calculate the data size of " + getFullName(), e);
    } finally {
      buffer.release();
    }
  }
}
