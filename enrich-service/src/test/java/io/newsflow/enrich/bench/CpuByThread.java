package io.newsflow.enrich.bench;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
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
  private final Map<Long, Long> threadBytes;
  private final VmThreadCpu vmThreads;

  private CpuByThread(long processNanos, Map<Long, Long> threadNanos, Map<Long, String> threadNames,
      Map<Long, Long> threadBytes, VmThreadCpu vmThreads) {
    this.vmThreads = vmThreads;
    this.processNanos = processNanos;
    this.threadNanos = threadNanos;
    this.threadNames = threadNames;
    this.threadBytes = threadBytes;
  }

  static CpuByThread now() {
    // the com.sun one also counts the bytes each thread allocates: the GC's work comes from there
    com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    Map<Long, Long> nanos = new HashMap<>();
    Map<Long, String> names = new HashMap<>();
    Map<Long, Long> bytes = new HashMap<>();
    for (ThreadInfo info : mx.getThreadInfo(mx.getAllThreadIds())) {
      if (info != null) {
        nanos.put(info.getThreadId(), Math.max(0, mx.getThreadCpuTime(info.getThreadId())));
        names.put(info.getThreadId(), info.getThreadName());
        bytes.put(info.getThreadId(), Math.max(0, mx.getThreadAllocatedBytes(info.getThreadId())));
      }
    }
    OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    return new CpuByThread(os.getProcessCpuTime(), nanos, names, bytes, VmThreadCpu.now());
  }

  void printSince(long articles, double wallSeconds) {
    CpuByThread end = now();
    double process = (end.processNanos - processNanos) / 1e9;
    System.out.printf("process CPU %.1f s over %.1f s wall (%.2f cores): %.0f articles per process-CPU-second, "
        + "%.0f us of CPU per article (broker in the same process)%n", process, wallSeconds, process / wallSeconds,
        articles / process, process * 1e6 / articles);
    Map<String, Double> byRole = new TreeMap<>();
    Map<String, Double> allocatedByRole = new TreeMap<>();
    double threads = 0;
    for (Map.Entry<Long, Long> e : end.threadNanos.entrySet()) {
      double s = (e.getValue() - threadNanos.getOrDefault(e.getKey(), 0L)) / 1e9;
      String role = role(end.threadNames.get(e.getKey()));
      byRole.merge(role, s, Double::sum);
      allocatedByRole.merge(role, (double) (end.threadBytes.get(e.getKey()) - threadBytes.getOrDefault(e.getKey(), 0L)),
          Double::sum);
      threads += s;
    }
    Map<String, Double> vm = end.vmThreads.since(vmThreads);
    vm.forEach(byRole::put);
    double vmTotal = vm.values().stream().mapToDouble(Double::doubleValue).sum();
    byRole.put("other VM threads (and ended threads)", Math.max(0, process - threads - vmTotal));
    // the many idle broker and timer threads add up to nothing; show what a reader can act on
    byRole.entrySet().stream().filter(e -> e.getValue() >= 0.005 * process)
        .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
        .forEach(e -> System.out.printf("  %-45s %6.1f s  %5.1f %%  %6.0f us/article  %6.1f KB allocated/article%n",
            e.getKey(), e.getValue(), 100 * e.getValue() / process, e.getValue() * 1e6 / articles,
            allocatedByRole.getOrDefault(e.getKey(), 0.0) / 1024 / articles));
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
