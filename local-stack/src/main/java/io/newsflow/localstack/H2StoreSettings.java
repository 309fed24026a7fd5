package io.newsflow.localstack;

import java.util.function.Function;
import org.h2.mvstore.MVStore;

/**
 * How the MongoDB-wire server opens its H2 MVStore file. mongo-java-server opens it with H2's defaults
 * ({@code MVStore.open(file)}: a 16 MB page cache, compaction whenever chunks fall below 90 % live data), tuned
 * for small rows. newsflow's read model rewrites documents of up to ~100 KB (timeline pages) hundreds of times a
 * batch, so with the defaults most of a batch misses the cache and the background writer keeps rewriting
 * chunks that were just written (a thread dump of the end-to-end burst run showed {@code FileStore.compactRewrite}).
 * Each setting is read from a system property or else an environment variable:
 *
 * <table>
 * <tr><th>property / variable</th><th>default</th><th>meaning</th></tr>
 * <tr><td>{@code newsflow.mongo.h2.cacheMb} / {@code NEWSFLOW_MONGO_H2_CACHE_MB}</td><td>256, at most an eighth of
 *     the heap</td><td>MVStore page cache, MB of heap (the broker shares the local stack's heap)</td></tr>
 * <tr><td>{@code newsflow.mongo.h2.compactFillRate} / {@code NEWSFLOW_MONGO_H2_COMPACT_FILL_RATE}</td><td>50</td>
 *     <td>compact in the background only while the file's live data is below this percent (H2: 90); lower
 *     means a larger file and less rewriting</td></tr>
 * <tr><td>{@code newsflow.mongo.h2.commitBufferKb} / {@code NEWSFLOW_MONGO_H2_COMMIT_BUFFER_KB}</td><td>a sixteenth
 *     of the heap, 8192 to 131072</td><td>unsaved changes that trigger a write of a chunk before the 1-second commit
 *     (H2: 1024). Each commit re-serialises every page changed since the last one, so a larger buffer serialises hot
 *     read-model pages less often (burst: H2's serialisation CPU −24 to −34 % at 128 MB against 8 MB,
 *     local-stack/README.md). Changes still reach the file within H2's 1-second commit delay, so this costs heap,
 *     not durability</td></tr>
 * <tr><td>{@code newsflow.mongo.h2.typedStorage} / {@code NEWSFLOW_MONGO_H2_TYPED_STORAGE}</td><td>true</td>
 *     <td>new collections and indexes get typed storage ({@link io.newsflow.localstack.h2.TypedH2Backend}); maps
 *     already in the file keep their form either way. {@code false} opens the plain backend, which cannot read maps
 *     created typed (for A/B runs on fresh files)</td></tr>
 * </table>
 * A value of 0 keeps H2's own default for that setting (the before-state of the benchmarks).
 */
record H2StoreSettings(int cacheMb, int compactFillRate, int commitBufferKb, boolean typedStorage) {

  static final H2StoreSettings DEFAULTS = new H2StoreSettings(
      (int) Math.max(16, Math.min(256, Runtime.getRuntime().maxMemory() / 8 / (1024 * 1024))), 50,
      (int) Math.max(8192, Math.min(131072, Runtime.getRuntime().maxMemory() / 16 / 1024)), true);

  H2StoreSettings(int cacheMb, int compactFillRate, int commitBufferKb) {
    this(cacheMb, compactFillRate, commitBufferKb, true);
  }

  H2StoreSettings {
    if (cacheMb < 0 || compactFillRate < 0 || compactFillRate > 100 || commitBufferKb < 0) {
      throw new IllegalArgumentException("H2 store settings out of range: cacheMb=" + cacheMb + " compactFillRate="
          + compactFillRate + " (0-100) commitBufferKb=" + commitBufferKb);
    }
  }

  /** From system properties, then environment variables, then {@link #DEFAULTS}. */
  static H2StoreSettings fromEnvironment() {
    return from(name -> {
      String value = System.getProperty("newsflow.mongo.h2." + name);
      return value != null ? value : System.getenv("NEWSFLOW_MONGO_H2_" + name.replaceAll("([A-Z])", "_$1").toUpperCase());
    });
  }

  static H2StoreSettings from(Function<String, String> lookup) {
    return new H2StoreSettings(number(lookup, "cacheMb", DEFAULTS.cacheMb),
        number(lookup, "compactFillRate", DEFAULTS.compactFillRate), number(lookup, "commitBufferKb", DEFAULTS.commitBufferKb),
        flag(lookup, "typedStorage", DEFAULTS.typedStorage));
  }

  private static boolean flag(Function<String, String> lookup, String name, boolean fallback) {
    String value = lookup.apply(name);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    return switch (value.strip().toLowerCase(java.util.Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new IllegalArgumentException("H2 store setting " + name + " must be true or false, not '" + value + "'");
    };
  }

  MVStore open(String file) {
    MVStore.Builder builder = new MVStore.Builder().fileName(file);
    if (cacheMb > 0) {
      builder.cacheSize(cacheMb);
    }
    if (compactFillRate > 0) {
      builder.autoCompactFillRate(compactFillRate);
    }
    if (commitBufferKb > 0) {
      builder.autoCommitBufferSize(commitBufferKb);
    }
    return builder.open();
  }

  private static int number(Function<String, String> lookup, String name, int fallback) {
    String value = lookup.apply(name);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("H2 store setting " + name + " must be a whole number, not '" + value + "'", e);
    }
  }
}
