package io.newsflow.bench.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One JVM child process (local-stack or a service) with its log in a file, and what Linux says about
 * it: peak resident memory (VmHWM) and CPU time used (utime + stime from /proc/PID/stat).
 */
final class Child implements AutoCloseable {

  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private static final long CLOCK_TICKS = 100; // USER_HZ on Linux x86-64

  final String name;
  final List<String> jvmOptions;
  private final List<String> command;
  private final Map<String, String> env;
  private final Path log;
  private Process process;

  Child(String name, String java, List<String> jvmOptions, List<String> mainAndArgs, Map<String, String> env, Path logDir) {
    this.name = name;
    this.jvmOptions = List.copyOf(jvmOptions);
    List<String> c = new ArrayList<>();
    c.add(java);
    c.addAll(jvmOptions);
    c.addAll(mainAndArgs);
    this.command = c;
    this.env = Map.copyOf(env);
    this.log = logDir.resolve(name + ".log");
  }

  Child start() throws IOException {
    Files.createDirectories(log.getParent());
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().putAll(env);
    process = builder.start();
    return this;
  }

  long pid() {
    return process.pid();
  }

  Path log() {
    return log;
  }

  boolean isAlive() {
    return process != null && process.isAlive();
  }

  /** Waits until {@code url} answers 200. */
  void awaitHttp(String url, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
      }
      try {
        HttpResponse<Void> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(3)).build(),
            HttpResponse.BodyHandlers.discarding());
        if (r.statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // still starting
      }
      Thread.sleep(300);
    }
    throw new IllegalStateException(name + " did not answer 200 at " + url + " within " + timeout + "; see " + log);
  }

  /** Peak resident set size in KiB (VmHWM), or -1 when the process is gone. */
  long peakRssKib() {
    return statusField("VmHWM:");
  }

  long rssKib() {
    return statusField("VmRSS:");
  }

  private long statusField(String field) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/" + pid() + "/status"))) {
        if (line.startsWith(field)) {
          return Long.parseLong(line.substring(field.length()).replace("kB", "").strip());
        }
      }
    } catch (IOException | RuntimeException gone) {
      // process ended
    }
    return -1;
  }

  /** User plus system CPU time in milliseconds, all threads, or -1 when the process is gone. */
  long cpuMillis() {
    try {
      String stat = Files.readString(Path.of("/proc/" + pid() + "/stat"));
      // fields after the command name in parentheses, which may contain spaces
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 1000 / CLOCK_TICKS;
    } catch (IOException | RuntimeException gone) {
      return -1;
    }
  }

  void destroyNow() {
    if (process != null && process.isAlive()) {
      process.destroyForcibly();
    }
  }

  @Override
  public void close() throws InterruptedException {
    if (process != null && process.isAlive()) {
      process.destroy();
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
      }
    }
  }
}
