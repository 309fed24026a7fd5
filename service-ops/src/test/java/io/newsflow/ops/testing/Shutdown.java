package io.newsflow.ops.testing;

/** Closes what a test class started, in the order given, even when one of them fails to close. */
public final class Shutdown {

  private Shutdown() {}

  /**
   * Closes each non-null resource in turn (the app before the broker it talks to); the first failure is
   * rethrown after all were tried, with the later ones suppressed in it.
   */
  public static void inOrder(AutoCloseable... resources) throws Exception {
    Exception first = null;
    for (AutoCloseable resource : resources) {
      if (resource == null) {
        continue;
      }
      try {
        resource.close();
      } catch (Exception e) {
        if (first == null) {
          first = e;
        } else {
          first.addSuppressed(e);
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }
}
