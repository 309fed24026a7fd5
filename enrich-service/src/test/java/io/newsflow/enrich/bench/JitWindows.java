package io.newsflow.enrich.bench;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;

/**
 * The JIT compiler threads' share of this process's CPU, window by window, for
 * {@link ServiceThroughputHarness}: to warm up until compiling is done rather than for a guessed number
 * of articles, and to show whether it is still compiling during the measured span.
 *
 * <p>Why: with the broker, the Kafka clients, Spring and the enrichment in one process on 2 cores, the
 * single C2 thread has a backlog; the enrichment's hottest methods got their first C2 compilation 60–95 s
 * after start (JFR {@code jdk.Compilation}, BENCHMARKS.md E.1), so a span that starts earlier measures
 * tier-3 (profiling) code and the compiler, not the service's steady state.
 */
final class JitWindows implements AutoCloseable {

  /** The JIT is quiet when it used less than this share of the process's CPU in a window. */
  static final double QUIET_SHARE = 0.03;
  static final int WINDOW_SECONDS = 10;

  @FunctionalInterface
  interface Counter {
    long get() throws Exception;
  }

  private final Thread printer;

  private JitWindows(Thread printer) {
    this.printer = printer;
  }

  /**
   * Waits, window by window, until the JIT used less than {@link #QUIET_SHARE} of the process's CPU; gives
   * up (saying so) when 60 % of {@code count} is enriched, so that something is left to measure.
   *
   * @return {@link System#nanoTime()} at the end of the first quiet window
   */
  static long awaitQuiet(Counter enriched, long count) throws Exception {
    Window window = Window.start(enriched.get());
    long started = System.nanoTime();
    while (true) {
      Thread.sleep(WINDOW_SECONDS * 1000L);
      Window next = Window.start(enriched.get());
      double share = window.print("warm-up", next, started);
      if (share < QUIET_SHARE) {
        return System.nanoTime();
      }
      if (next.enriched >= 0.6 * count) {
        System.out.printf("the JIT is not quiet after %d articles: measuring the rest anyway (load more articles)%n",
            next.enriched);
        return System.nanoTime();
      }
      window = next;
    }
  }

  /** Prints a line per window until closed. */
  static JitWindows printEvery(int seconds, Counter enriched) {
    long started = System.nanoTime();
    Thread printer = Thread.ofPlatform().daemon().name("jit-windows").start(() -> {
      try {
        Window window = Window.start(enriched.get());
        while (!Thread.currentThread().isInterrupted()) {
          Thread.sleep(seconds * 1000L);
          Window next = Window.start(enriched.get());
          window.print("measured", next, started);
          window = next;
        }
      } catch (InterruptedException e) {
        // closed
      } catch (Exception e) {
        System.out.println("jit windows stopped: " + e);
      }
    });
    return new JitWindows(printer);
  }

  @Override
  public void close() throws InterruptedException {
    printer.interrupt();
    printer.join();
  }

  private record Window(long nanos, long enriched, double processSeconds, VmThreadCpu vm) {

    static Window start(long enriched) {
      OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
      return new Window(System.nanoTime(), enriched, os.getProcessCpuTime() / 1e9, VmThreadCpu.now());
    }

    /** Prints this window (up to {@code end}) and returns the JIT's share of the process CPU in it. */
    double print(String phase, Window end, long started) {
      double process = end.processSeconds - processSeconds;
      double jit = end.vm.since(vm).getOrDefault(VmThreadCpu.JIT, 0.0);
      double share = process > 0 ? jit / process : 0;
      long articles = end.enriched - enriched;
      System.out.printf("  %-8s %4.0f s: %6d enriched (%5.0f/s), process CPU %5.1f s, JIT %4.1f s = %4.1f %%%s%n", phase,
          (end.nanos - started) / 1e9, articles, articles / ((end.nanos - nanos) / 1e9), process, jit, 100 * share,
          articles > 0 ? String.format(" (%.0f us of JIT per article)", jit * 1e6 / articles) : "");
      return share;
    }
  }
}
