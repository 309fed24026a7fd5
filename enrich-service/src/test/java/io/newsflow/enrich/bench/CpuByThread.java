package io.newsflow.enrich.bench;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * CPU time of this process and of its threads grouped by role (enrich consumers, producer I/O, the
 * in-process broker, GC, JIT), so a service run on a loaded machine still says what one article
 * costs and where: the wall-clock rate there mostly measures other processes.
 */
final class CpuByThread {

  private final long processNanos;
  private final Map<Long, Long> threadNanos;
  private final Map<Long, String> threadNames;

  private CpuByThread(long processNanos, Map<Long, Long> threadNanos, Map<Long, String> threadNames) {
    this.processNanos = processNanos;
    this.threadNanos = threadNanos;
    this.threadNames = threadNames;
  }

  static CpuByThread now() {
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    Map<Long, Long> nanos = new HashMap<>();
    Map<Long, String> names = new HashMap<>();
    for (ThreadInfo info : mx.getThreadInfo(mx.getAllThreadIds())) {
      if (info != null) {
        nanos.put(info.getThreadId(), Math.max(0, mx.getThreadCpuTime(info.getThreadId())));
        names.put(info.getThreadId(), info.getThreadName());
      }
    }
    OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    return new CpuByThread(os.getProcessCpuTime(), nanos, names);
  }

  void printSince(long articles, double wallSeconds) {
    CpuByThread end = now();
    double process = (end.processNanos - processNanos) / 1e9;
    System.out.printf("process CPU %.1f s over %.1f s wall (%.2f cores): %.0f articles per process-CPU-second, "
        + "%.0f us of CPU per article (broker in the same process)%n", process, wallSeconds, process / wallSeconds,
        articles / process, process * 1e6 / articles);
    Map<String, Double> byRole = new TreeMap<>();
    double threads = 0;
    for (Map.Entry<Long, Long> e : end.threadNanos.entrySet()) {
      double s = (e.getValue() - threadNanos.getOrDefault(e.getKey(), 0L)) / 1e9;
      byRole.merge(role(end.threadNames.get(e.getKey())), s, Double::sum);
      threads += s;
    }
    byRole.put("GC, JIT and other VM threads", Math.max(0, process - threads));
    // the many idle broker and timer threads add up to nothing; show what a reader can act on
    byRole.entrySet().stream().filter(e -> e.getValue() >= 0.005 * process)
        .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
        .forEach(e -> System.out.printf("  %-45s %6.1f s  %5.1f %%  %6.0f us/article%n", e.getKey(), e.getValue(),
            100 * e.getValue() / process, e.getValue() * 1e6 / articles));
  }

  private static String role(String thread) {
    if (thread == null) {
      return "(ended threads)";
    }
    if (thread.startsWith("raw-articles")) {
      return "enrich consumer threads (the enrichment)";
    }
    if (thread.startsWith("kafka-producer-network-thread")) {
      return "producer I/O threads (compression, sends)";
    }
    if (thread.startsWith("dedupe-signatures")) {
      return "signatures reader (other instances' entries)";
    }
    if (thread.contains("data-plane") || thread.startsWith("kafka-") || thread.contains("broker")
        || thread.contains("controller") || thread.contains("raft") || thread.contains("Log")
        || thread.contains("Replica") || thread.startsWith("group-coordinator") || thread.contains("Request")) {
      return "in-process Kafka broker";
    }
    return "other: " + thread.replaceAll("[-_#]?\\d+$", "");
  }
}
