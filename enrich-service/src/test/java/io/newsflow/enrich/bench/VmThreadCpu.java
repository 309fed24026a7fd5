package io.newsflow.enrich.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * CPU time of the JVM's own threads (GC, JIT compilers, the VM thread), which the ThreadMXBean does not
 * list, read from {@code /proc/self/task} by thread name. Linux only; elsewhere it is empty and the
 * harness shows those threads as one remainder, as before.
 */
final class VmThreadCpu {

  static final String JIT = "JIT compiler threads";

  /** Seconds per clock tick of {@code /proc/.../stat}: USER_HZ is 100 on every Linux we run on. */
  private static final double TICK = 0.01;

  private final Map<String, Double> secondsByTask;
  private final Map<String, String> kindByTask;

  private VmThreadCpu(Map<String, Double> secondsByTask, Map<String, String> kindByTask) {
    this.secondsByTask = secondsByTask;
    this.kindByTask = kindByTask;
  }

  static VmThreadCpu now() {
    Map<String, Double> seconds = new HashMap<>();
    Map<String, String> kinds = new HashMap<>();
    try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/self/task"))) {
      for (Path task : tasks) {
        try {
          String kind = kind(Files.readString(task.resolve("comm")).strip());
          if (kind == null) {
            continue;
          }
          String stat = Files.readString(task.resolve("stat"));
          // fields after the parenthesised name: state is 3rd, utime 14th and stime 15th of the whole line
          String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
          seconds.put(task.getFileName().toString(), (Long.parseLong(f[11]) + Long.parseLong(f[12])) * TICK);
          kinds.put(task.getFileName().toString(), kind);
        } catch (IOException | RuntimeException e) {
          // the thread ended between listing and reading
        }
      }
    } catch (IOException e) {
      return new VmThreadCpu(Map.of(), Map.of());
    }
    return new VmThreadCpu(seconds, kinds);
  }

  /** Seconds per kind (GC, JIT, VM thread) since {@code start}; threads that ended in between are missing. */
  Map<String, Double> since(VmThreadCpu start) {
    Map<String, Double> byKind = new HashMap<>();
    secondsByTask.forEach((task, s) -> byKind.merge(kindByTask.get(task), s - start.secondsByTask.getOrDefault(task, 0.0),
        Double::sum));
    return byKind;
  }

  private static String kind(String comm) {
    if (comm.startsWith("GC Thread") || comm.startsWith("G1 ") || comm.startsWith("GC ")) {
      return "GC threads (G1)";
    }
    if (comm.startsWith("C1 Compiler") || comm.startsWith("C2 Compiler")) {
      return JIT;
    }
    if (comm.equals("VM Thread") || comm.startsWith("VM Periodic")) {
      return "VM thread (safepoints)";
    }
    return null;
  }
}
