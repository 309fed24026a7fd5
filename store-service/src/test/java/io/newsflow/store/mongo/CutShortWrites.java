package io.newsflow.store.mongo;

import com.mongodb.MongoSocketException;
import com.mongodb.ServerAddress;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;

/**
 * A database whose writes stop after a given number of write models, as a store-service that loses its connection
 * (or is killed) in the middle of a batch: every {@code bulkWrite} (the only way the writer writes) runs whole while
 * the budget lasts; the one that exhausts it runs its first models only (the prefix an ordered bulk had applied when
 * the connection went) and throws. A budget of {@code -1} never cuts and only records the bulk writes' sizes, from
 * which a test picks its cut points.
 */
public final class CutShortWrites {

  private int left;
  private final List<String> bulks = new ArrayList<>();

  private CutShortWrites(int budget) {
    this.left = budget;
  }

  /** {@code db} whose writes stop after {@code budget} write models ({@code -1}: never). */
  public static CutShortWrites after(int budget) {
    return new CutShortWrites(budget);
  }

  /** Each bulk write seen, as {@code collection:models}, in order. */
  public List<String> bulks() {
    return bulks;
  }

  public MongoDatabase wrap(MongoDatabase db) {
    return proxy(MongoDatabase.class, db, (method, args) -> {
      Object result = invoke(db, method, args);
      return result instanceof MongoCollection<?> c ? wrap(c) : result;
    });
  }

  @SuppressWarnings("unchecked")
  private MongoCollection<?> wrap(MongoCollection<?> collection) {
    return proxy(MongoCollection.class, collection, (method, args) -> {
      if (!method.getName().equals("bulkWrite") || args == null || !(args[0] instanceof List<?> writes)) {
        Object result = invoke(collection, method, args);
        return result instanceof MongoCollection<?> c ? wrap(c) : result;
      }
      bulks.add(collection.getNamespace().getCollectionName() + ":" + writes.size());
      if (left < 0 || left >= writes.size()) {
        left = left < 0 ? left : left - writes.size();
        return invoke(collection, method, args);
      }
      if (left > 0) {
        Object[] prefix = args.clone();
        prefix[0] = new ArrayList<>(writes.subList(0, left));
        invoke(collection, method, prefix);
      }
      int applied = left;
      left = 0;
      throw new MongoSocketException("connection lost after " + applied + " of " + writes.size() + " writes to "
          + collection.getNamespace().getCollectionName(), new ServerAddress());
    });
  }

  private interface Handler {
    Object handle(Method method, Object[] args) throws Throwable;
  }

  @SuppressWarnings("unchecked")
  private static <T> T proxy(Class<T> type, Object target, Handler handler) {
    return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (p, method, args) -> handler.handle(method, args));
  }

  private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
