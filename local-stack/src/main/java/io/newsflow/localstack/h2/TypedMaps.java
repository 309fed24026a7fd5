package io.newsflow.localstack.h2;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.type.DataType;

/**
 * Which maps of the H2 file hold the typed forms. A map that exists without an entry here was written by plain
 * {@code H2Backend} with H2's {@code ObjectDataType}, and is opened that way again, so files written before keep
 * working; only maps created by this backend get the typed forms. The entry is made before its map, in the same
 * commit, so the file never holds a typed map without its entry.
 */
final class TypedMaps {

  /** '$' cannot appear in a database name, so no {@code H2Database.drop()} (which removes "db.*") takes this map. */
  static final String REGISTRY = "newsflow$typed-maps";
  static final String FORMAT = "bson-v1";

  private final MVStore store;
  private final MVMap<String, String> registry;

  TypedMaps(MVStore store) {
    this.store = store;
    this.registry = store.openMap(REGISTRY);
  }

  /** Whether the file has maps in the typed forms (the registry names at least one). */
  static boolean anyIn(MVStore store) {
    return store.hasMap(REGISTRY) && !store.openMap(REGISTRY).isEmpty();
  }

  /** The map, with the typed key and value forms if it is new or was created typed, else with H2's defaults. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  synchronized <K, V> MVMap<K, V> open(String name, DataType<?> keyType, DataType<?> valueType) {
    if (!isTyped(name)) {
      if (store.hasMap(name)) {
        return store.openMap(name);
      }
      registry.put(name, FORMAT);
    }
    MVMap.Builder<K, V> builder = new MVMap.Builder<K, V>().keyType((DataType) keyType).valueType((DataType) valueType);
    return store.openMap(name, builder);
  }

  synchronized boolean isTyped(String name) {
    String format = registry.get(name);
    if (format != null && !format.equals(FORMAT)) {
      throw new IllegalStateException("H2 map " + name + " is stored in format " + format + ", which this newsflow cannot read");
    }
    return format != null;
  }

  /** After a map was renamed: the new name is typed exactly when the old one was. */
  synchronized void renamed(String from, String to) {
    String format = registry.remove(from);
    if (format != null) {
      registry.put(to, format);
    } else {
      registry.remove(to);
    }
  }

  /** Forgets dropped maps, so a map created later under the same name by another backend is not misread. */
  synchronized void forgetDropped() {
    // MVMap's key set cannot remove through its iterator
    for (String name : new java.util.ArrayList<>(registry.keySet())) {
      if (!store.hasMap(name)) {
        registry.remove(name);
      }
    }
  }
}
