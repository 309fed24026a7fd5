package io.newsflow.enrich.config;

import io.newsflow.enrich.dedupe.Deduplicator;
import io.newsflow.enrich.dedupe.SignatureLog;
import java.time.Duration;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;

/**
 * Reads the dedupe index back before the raw-topic listener starts: the listener container starts in
 * a later phase, so no article is judged against a half-restored index.
 */
final class DedupeIndexLifecycle implements SmartLifecycle {

  private final SignatureLog signatureLog;
  private final Deduplicator deduplicator;
  private final Duration restoreTimeout;
  private volatile boolean running;

  DedupeIndexLifecycle(SignatureLog signatureLog, Deduplicator deduplicator, Duration restoreTimeout) {
    this.signatureLog = signatureLog;
    this.deduplicator = deduplicator;
    this.restoreTimeout = restoreTimeout;
  }

  @Override
  public void start() {
    signatureLog.start(deduplicator.instanceId(), deduplicator::observe);
    try {
      if (!signatureLog.awaitRestored(restoreTimeout)) {
        throw new IllegalStateException("dedupe index not restored within " + restoreTimeout
            + "; is Kafka reachable? (newsflow.enrich.restore-timeout)");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while restoring the dedupe index", e);
    }
    running = true;
  }

  @Override
  public void stop() {
    signatureLog.close();
    running = false;
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  @Override
  public int getPhase() {
    return AbstractMessageListenerContainer.DEFAULT_PHASE - 100;
  }
}
