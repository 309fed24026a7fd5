package io.newsflow.store.mongo;

import java.util.List;

/**
 * Another writer changed a read-model document between our read and our write. Retryable: the whole
 * batch is recomputed from the current state, which is idempotent.
 */
public class ConcurrentUpdateException extends RuntimeException {

  private final String collection;
  private final List<String> ids;

  public ConcurrentUpdateException(String collection, List<String> ids, Throwable cause) {
    super("concurrent update: collection=" + collection + " ids=" + ids, cause);
    this.collection = collection;
    this.ids = List.copyOf(ids);
  }

  public String collection() {
    return collection;
  }

  public List<String> ids() {
    return ids;
  }
}
