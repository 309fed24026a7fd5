package io.newsflow.bench.e2e;

import io.newsflow.localstack.Ports;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The assembled system as child processes: local-stack (Kafka in KRaft mode and the MongoDB-wire server
 * with its persistent H2 backend, in a data folder) and the four services from their runnable jars, on
 * free loopback ports. The harness's own environment is inherited, so any NEWSFLOW_* knob set for the
 * run reaches every service; the few the benchmark needs are set here and listed by {@link #settings}.
 */
final class Stack implements AutoCloseable {

  static final String OPERATOR_KEY = "bench-operator-key-5e1d";
  static final String STORE_GROUP = "newsflow-store";
  static final String ENRICH_GROUP = "newsflow-enrich";

  private final Path repo;
  private final Path dir;
  private final String java;
  final Map<String, Child> children = new LinkedHashMap<>();
  final Map<String, String> settings = new LinkedHashMap<>();
  String kafka;
  String mongo;
  int ingestPort;
  int storePort;
  int gatewayPort;

  Stack(Path repo, Path dir) {
    this.repo = repo;
    this.dir = dir;
    this.java = ProcessHandle.current().info().command().orElse("java");
    // a harness stopped by its time cap (SIGTERM) must not leave brokers and services behind
    Runtime.getRuntime().addShutdownHook(new Thread(() -> children.values().forEach(Child::destroyNow), "bench-stop-children"));
  }

  void startLocalStack() throws Exception {
    int kafkaPort = Ports.free();
    int mongoPort = Ports.free();
    Path data = dir.resolve("stack");
    Child stack = new Child("local-stack", java, jvm("LOCAL_STACK", "-Xms1g -Xmx2g -XX:+UseParallelGC"),
        List.of("-jar", jar("local-stack/target/local-stack-exec.jar").toString(), "--data", data.toString(),
            "--kafka-port", String.valueOf(kafkaPort), "--mongo-port", String.valueOf(mongoPort)),
        Map.of("KAFKA_BOOTSTRAP_SERVERS", "", "MONGODB_URI", ""), dir.resolve("logs"));
    children.put(stack.name, stack.start());
    Path env = data.resolve("local-stack.env");
    long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
    while (!Files.exists(env)) {
      if (!stack.isAlive() || System.nanoTime() > deadline) {
        throw new IllegalStateException("local-stack did not become ready; see " + stack.log());
      }
      Thread.sleep(250);
    }
    for (String line : Files.readAllLines(env)) {
      if (line.startsWith("KAFKA_BOOTSTRAP_SERVERS=")) {
        kafka = line.substring(line.indexOf('=') + 1);
      } else if (line.startsWith("MONGODB_URI=")) {
        mongo = line.substring(line.indexOf('=') + 1);
      }
    }
  }

  /** Starts the four services; {@code pollInterval} is both poll bounds of every feed (ISO-8601). */
  void startServices(String pollInterval) throws Exception {
    ingestPort = Ports.free();
    int enrichPort = Ports.free();
    storePort = Ports.free();
    gatewayPort = Ports.free();
    Map<String, String> common = new HashMap<>();
    common.put("KAFKA_BOOTSTRAP_SERVERS", kafka);
    common.put("MONGODB_URI", mongo);
    common.put("NEWSFLOW_API_KEYS", "operator:" + OPERATOR_KEY);
    common.put("NEWSFLOW_INGEST_URL", "http://127.0.0.1:" + ingestPort);
    common.put("NEWSFLOW_STORE_URL", "http://127.0.0.1:" + storePort);

    Map<String, String> ingest = new HashMap<>(common);
    ingest.put("SERVER_PORT", String.valueOf(ingestPort));
    // the feed server is on loopback; all 1,000 feeds share one host, so the per-host politeness limits
    // (2 in flight, 1 s apart by default) would cap polling at one feed a second
    put(ingest, "NEWSFLOW_ALLOW_PRIVATE_FEEDS", "true");
    put(ingest, "NEWSFLOW_INGEST_HTTP_PERHOSTCONCURRENCY", env("BENCH_PER_HOST_CONCURRENCY", "16"));
    put(ingest, "NEWSFLOW_INGEST_HTTP_PERHOSTMINDELAY", "PT0S");
    put(ingest, "NEWSFLOW_INGEST_SCHEDULE_DEFAULTMINPOLLINTERVAL", pollInterval);
    put(ingest, "NEWSFLOW_INGEST_SCHEDULE_DEFAULTMAXPOLLINTERVAL", pollInterval);
    Map<String, String> gateway = new HashMap<>(common);
    gateway.put("MICRONAUT_SERVER_PORT", String.valueOf(gatewayPort));
    // the harness is one client address; the limiter is not what is measured
    put(gateway, "NEWSFLOW_RATE_LIMIT_PER_ADDRESS", "100000000");
    put(gateway, "NEWSFLOW_RATE_LIMIT_PER_KEY", "100000000");
    // registration fetches each feed once; on a loaded machine that can exceed the 5 s default
    put(gateway, "NEWSFLOW_BACKEND_TIMEOUT", "30s");

    spring("store-service", storePort, common);
    spring("enrich-service", enrichPort, common);
    Child ingestChild = new Child("ingest-service", java, jvm("INGEST", null), List.of("-jar", jar("ingest-service/target/ingest-service-exec.jar").toString()),
        ingest, dir.resolve("logs"));
    children.put(ingestChild.name, ingestChild.start());
    Child gatewayChild = new Child("api-gateway", java, jvm("GATEWAY", null), List.of("-jar", jar("api-gateway/target/api-gateway-all.jar").toString()),
        gateway, dir.resolve("logs"));
    children.put(gatewayChild.name, gatewayChild.start());

    children.get("store-service").awaitHttp("http://127.0.0.1:" + storePort + "/actuator/health", Duration.ofSeconds(600));
    children.get("enrich-service").awaitHttp("http://127.0.0.1:" + enrichPort + "/actuator/health", Duration.ofSeconds(600));
    ingestChild.awaitHttp("http://127.0.0.1:" + ingestPort + "/actuator/health", Duration.ofSeconds(600));
    gatewayChild.awaitHttp("http://127.0.0.1:" + gatewayPort + "/health", Duration.ofSeconds(600));
  }

  private void spring(String name, int port, Map<String, String> common) throws Exception {
    Map<String, String> env = new HashMap<>(common);
    env.put("SERVER_PORT", String.valueOf(port));
    Child child = new Child(name, java, jvm(name.replace("-service", "").toUpperCase(), null),
        List.of("-jar", jar(name + "/target/" + name + "-exec.jar").toString()), env, dir.resolve("logs"));
    children.put(name, child.start());
  }

  private void put(Map<String, String> env, String key, String value) {
    // an explicit setting in the harness's environment wins over the benchmark's choice
    String chosen = System.getenv(key) != null ? System.getenv(key) : value;
    env.put(key, chosen);
    settings.put(key, chosen);
  }

  /** JVM options of a child: {@code JAVA_OPTS_<NAME>}, else {@code BENCH_SERVICE_JAVA_OPTS}, else the default. */
  private static List<String> jvm(String name, String fallback) {
    String opts = System.getenv("JAVA_OPTS_" + name);
    if (opts == null) {
      opts = fallback != null ? fallback : env("BENCH_SERVICE_JAVA_OPTS", "-Xms512m -Xmx1g -XX:+UseParallelGC");
    }
    return new ArrayList<>(Arrays.asList(opts.trim().split("\\s+")));
  }

  static String env(String key, String fallback) {
    String v = System.getenv(key);
    return v == null || v.isBlank() ? fallback : v;
  }

  private Path jar(String relative) {
    Path jar = repo.resolve(relative);
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException("missing " + jar + ": build the jars first (see bench/e2e/run.sh)");
    }
    return jar;
  }

  String gateway() {
    return "http://127.0.0.1:" + gatewayPort;
  }

  String store() {
    return "http://127.0.0.1:" + storePort;
  }

  String ingest() {
    return "http://127.0.0.1:" + ingestPort;
  }

  @Override
  public void close() throws InterruptedException {
    List<Child> all = new ArrayList<>(children.values());
    for (int i = all.size() - 1; i >= 0; i--) {
      all.get(i).close();
    }
  }
}
