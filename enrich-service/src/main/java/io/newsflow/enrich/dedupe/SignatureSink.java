package io.newsflow.enrich.dedupe;

/** Where the dedupe index publishes what it learnt, so other instances and the next start learn it too. */
@FunctionalInterface
public interface SignatureSink {

  SignatureSink NONE = entry -> {};

  void publish(DedupeEntry entry);
}
