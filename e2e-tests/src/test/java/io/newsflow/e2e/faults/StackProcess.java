package io.newsflow.e2e.faults;

import io.newsflow.localstack.Ports;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The Kafka broker or the MongoDB-wire server alone ({@code local-stack --only kafka|mongo}) as a child
 * process on a fixed port and data folder, so a test can kill -9 it and start it again where it was.
 */
final class StackProcess implements AutoCloseable {

  enum Part { KAFKA, MONGO }

  private final Part part;
  private final Path dataDir;
  private final Path log;
  private final int port = Ports.free();
  private Process process;

  StackProcess(Part part, Path dataDir, Path logDir) {
    this.part = part;
    this.dataDir = dataDir;
    this.log = logDir.resolve("local-stack-" + name() + ".log");
  }

  private String name() {
    return part == Part.KAFKA ? "kafka" : "mongo";
  }

  /** Starts the process and returns once its ready file is written (the part listens). */
  StackProcess start() throws IOException, InterruptedException {
    Path jar = Jars.of("local-stack/target/local-stack-exec.jar");
    Files.createDirectories(log.getParent());
    Path ready = dataDir.resolve("local-stack-" + name() + ".env");
    Files.deleteIfExists(ready);
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> command = List.of(java, "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar", jar.toString(),
        "--only", name(), "--data", dataDir.toString(),
        part == Part.KAFKA ? "--kafka-port" : "--mongo-port", String.valueOf(port));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    // with --only the other part is never started; clear these so the child cannot pick up the host's
    builder.environment().remove("KAFKA_BOOTSTRAP_SERVERS");
    builder.environment().remove("MONGODB_URI");
    process = builder.start();
    long deadline = System.nanoTime() + FaultSystem.STARTUP.toNanos();
    while (!Files.exists(ready)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("local-stack --only " + name() + " exited with " + process.exitValue() + "; see " + log);
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("local-stack --only " + name() + " not ready in " + FaultSystem.STARTUP.toSeconds() + " s; see " + log);
      }
      Thread.sleep(100);
    }
    return this;
  }

  /** kill -9: the broker gets no controlled shutdown, the H2 store no close. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  String kafkaBootstrapServers() {
    return "127.0.0.1:" + port;
  }

  String mongoUri() {
    return "mongodb://127.0.0.1:" + port + "/newsflow";
  }

  @Override
  public void close() throws InterruptedException {
    if (process != null && process.isAlive()) {
      process.destroy();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        kill();
      }
    }
  }
}
