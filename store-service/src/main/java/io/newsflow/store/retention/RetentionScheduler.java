package io.newsflow.store.retention;

import io.newsflow.store.config.StoreProperties;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/** Runs the retention sweep every check interval while the service runs, when retention is on. */
public class RetentionScheduler implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(RetentionScheduler.class);

  private final RetentionSweep sweep;
  private final StoreProperties.Retention retention;
  private final Clock clock;
  private ScheduledExecutorService executor;
  private boolean running;

  public RetentionScheduler(RetentionSweep sweep, StoreProperties.Retention retention, Clock clock) {
    this.sweep = sweep;
    this.retention = retention;
    this.clock = clock;
  }

  @Override
  public synchronized void start() {
    if (!retention.isEnabled()) {
      log.info("retention off: articles are kept forever (set NEWSFLOW_STORE_RETENTION_MAX_AGE to enable)");
      running = true;
      return;
    }
    executor = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "store-retention"));
    long every = retention.checkInterval().toMillis();
    executor.scheduleWithFixedDelay(this::runOnce, every, every, TimeUnit.MILLISECONDS);
    running = true;
    log.info("retention on: articles older than {} are deleted, checked every {}", retention.maxAge(), retention.checkInterval());
  }

  void runOnce() {
    try {
      RetentionSweep.SweepResult result = sweep.sweep(clock.instant().minus(retention.maxAge()));
      log.info("retention sweep: {}", result);
    } catch (RuntimeException e) {
      // the next run tries again; a failed sweep deletes nothing it should keep
      log.warn("retention sweep failed: {}", e.getMessage());
    }
  }

  @Override
  public synchronized void stop() {
    if (executor != null) {
      executor.shutdownNow();
      executor = null;
    }
    running = false;
  }

  @Override
  public synchronized boolean isRunning() {
    return running;
  }
}
