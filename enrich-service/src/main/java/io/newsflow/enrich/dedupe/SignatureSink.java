package io.newsflow.enrich.dedupe;

import java.util.concurrent.CompletableFuture;

/** Where the dedupe index publishes what it learnt, so other instances and the next start learn it too. */
@FunctionalInterface
public interface SignatureSink {

  SignatureSink NONE = entry -> {};

  /** Hands {@code entry} over without waiting for it to be stored. */
  void publish(DedupeEntry entry);

  /**
   * Starts writing {@code entry}; the future completes when it is stored (for {@link SignatureLog},
   * when the broker acknowledged it), so the raw record's offset is committed only after both the
   * article and its signature are. Sinks that store at once need not override it.
   */
  default CompletableFuture<?> write(DedupeEntry entry) {
    publish(entry);
    return CompletableFuture.completedFuture(null);
  }
}
