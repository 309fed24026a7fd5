package io.newsflow.localstack;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.newsflow.localstack.h2.TypedH2Backend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded MongoDB-wire server (mongo-java-server) on 127.0.0.1. With a data folder it uses the
 * persistent H2 MVStore backend, so a restart keeps every document; without one it keeps data in
 * memory (for tests); {@link H2StoreSettings} says how the H2 file is opened, by default with typed storage
 * ({@link TypedH2Backend}: no Java serialisation of documents and index keys; files written before still open). Clients reach it with the ordinary MongoDB driver through {@link #uri()}.
 */
public final class EmbeddedMongoServer implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedMongoServer.class);

  private final Path dataDir;
  private final int port;
  private MongoServer server;

  /**
   * @param dataDir folder for the H2 store, or null to keep data in memory
   * @param port    port on 127.0.0.1, 0 for a free one
   */
  public EmbeddedMongoServer(Path dataDir, int port) {
    this.dataDir = dataDir == null ? null : dataDir.toAbsolutePath();
    this.port = port == 0 ? Ports.free() : port;
  }

  public static EmbeddedMongoServer inMemory() {
    return new EmbeddedMongoServer(null, 0);
  }

  public synchronized EmbeddedMongoServer start() {
    if (server != null) {
      return this;
    }
    server = new MongoServer(backend());
    server.bind("127.0.0.1", port);
    log.info("MongoDB-wire server listening on {} ({})", uri(), dataDir == null ? "in memory" : "H2 store in " + dataDir);
    return this;
  }

  /** A connection string for the {@code newsflow} database on this server. */
  public String uri() {
    return "mongodb://127.0.0.1:" + port + "/newsflow";
  }

  public int port() {
    return port;
  }

  @Override
  public synchronized void close() {
    if (server != null) {
      server.shutdownNow();
      server = null;
      log.info("MongoDB-wire server on port {} stopped", port);
    }
  }

  private MongoBackend backend() {
    if (dataDir == null) {
      return new MemoryBackend();
    }
    try {
      Files.createDirectories(dataDir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create MongoDB data folder " + dataDir, e);
    }
    H2StoreSettings settings = H2StoreSettings.fromEnvironment();
    log.info("H2 store settings: {}", settings);
    MVStore store = settings.open(dataDir.resolve("newsflow.mv").toString());
    if (settings.typedStorage()) {
      return new TypedH2Backend(store);
    }
    if (TypedH2Backend.holdsTypedMaps(store)) {
      // the plain backend would read the typed maps' bytes as Java serialisation: refuse before anything is read
      store.close();
      throw new IllegalStateException("the MongoDB data folder " + dataDir + " was written with typed storage; it cannot be"
          + " opened with NEWSFLOW_MONGO_H2_TYPED_STORAGE=false (leave the setting on, or point the server at a new folder)");
    }
    return new H2Backend(store);
  }
}
