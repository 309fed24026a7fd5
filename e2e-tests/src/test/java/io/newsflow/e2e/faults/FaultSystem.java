package io.newsflow.e2e.faults;

import io.newsflow.e2e.ServiceProcess;
import io.newsflow.localstack.Ports;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole system for a fault test: the broker and the MongoDB-wire server each as its own child process
 * (so either can be killed), and the services as child processes that can be killed, restarted, or run as
 * a second instance. Services are named {@code store-service}, {@code store-service-2}, ...
 */
final class FaultSystem implements AutoCloseable {

  static final String OPERATOR_KEY = "faults-operator-key-5e1d";
  static final String READER_KEY = "faults-reader-key-93b0";
  /** A service starts in about 10 s on an idle machine; on a shared, overloaded one it has taken over 3 minutes. */
  static final Duration STARTUP = Duration.ofSeconds(300);

  final StackProcess kafka;
  final StackProcess mongo;
  private final Path logs;
  private final Map<String, String> common = new HashMap<>();
  private final Map<String, ServiceProcess> services = new LinkedHashMap<>();
  private final Map<String, Integer> ports = new HashMap<>();

  static Path repo() {
    return Path.of(System.getProperty("newsflow.repo", "..")).toAbsolutePath().normalize();
  }

  /** Starts the broker and the MongoDB-wire server on {@code dataDir}; services are started one by one. */
  FaultSystem(Path dataDir, String testName) throws Exception {
    this.logs = repo().resolve("e2e-tests/target/e2e-logs/faults/" + testName);
    kafka = new StackProcess(StackProcess.Part.KAFKA, dataDir.resolve("stack"), logs);
    mongo = new StackProcess(StackProcess.Part.MONGO, dataDir.resolve("stack"), logs);
    kafka.start();
    mongo.start();
    common.put("KAFKA_BOOTSTRAP_SERVERS", kafka.kafkaBootstrapServers());
    common.put("MONGODB_URI", mongo.mongoUri());
    common.put("NEWSFLOW_API_KEYS", "operator:" + OPERATOR_KEY + ",reader:" + READER_KEY);
    // fault tests poll their own feed servers on loopback, many items per host
    common.put("NEWSFLOW_ALLOW_PRIVATE_FEEDS", "true");
    common.put("NEWSFLOW_INGEST_HTTP_PERHOSTMINDELAY", "PT0S");
  }

  /** Adds an environment variable every service started from now on gets. */
  FaultSystem env(String name, String value) {
    common.put(name, value);
    return this;
  }

  /** Starts the named services (and waits until each is healthy), in the given order. */
  FaultSystem start(String... names) throws Exception {
    return start(Map.of(), names);
  }

  FaultSystem start(Map<String, String> extraEnv, String... names) throws Exception {
    List<ServiceProcess> started = new ArrayList<>();
    for (String name : names) {
      ServiceProcess p = create(name, extraEnv);
      services.put(name, p);
      started.add(p.start());
    }
    for (ServiceProcess p : started) {
      p.awaitHealthy(STARTUP);
    }
    return this;
  }

  private ServiceProcess create(String name, Map<String, String> extraEnv) throws Exception {
    int port = ports.computeIfAbsent(name, n -> Ports.free());
    String kind = kind(name);
    Map<String, String> env = new HashMap<>(common);
    env.put("NEWSFLOW_INGEST_URL", "http://127.0.0.1:" + ports.computeIfAbsent("ingest-service", n -> Ports.free()));
    env.put("NEWSFLOW_STORE_URL", "http://127.0.0.1:" + ports.computeIfAbsent("store-service", n -> Ports.free()));
    env.putAll(extraEnv);
    if (kind.equals("api-gateway")) {
      env.put("MICRONAUT_SERVER_PORT", String.valueOf(port));
      return new ServiceProcess(name, Jars.of("api-gateway/target/api-gateway-all.jar"), env,
          "http://127.0.0.1:" + port + "/health", logs);
    }
    env.put("SERVER_PORT", String.valueOf(port));
    // liveness, not readiness: a service whose database is away is alive and must still count as started
    return new ServiceProcess(name, Jars.of(kind + "/target/" + kind + "-exec.jar"), env,
        "http://127.0.0.1:" + port + "/actuator/health/liveness", logs);
  }

  private static String kind(String name) {
    return name.matches(".*-\\d+$") ? name.substring(0, name.lastIndexOf('-')) : name;
  }

  ServiceProcess service(String name) {
    ServiceProcess p = services.get(name);
    if (p == null) {
      throw new IllegalArgumentException("no service " + name + " started");
    }
    return p;
  }

  /** kill -9 of one service. */
  void kill(String name) throws InterruptedException {
    service(name).kill();
  }

  /** Starts a killed service again on its port, with its environment, and waits until it is healthy. */
  void restart(String name) throws Exception {
    ServiceProcess p = service(name);
    p.start();
    p.awaitHealthy(STARTUP);
  }

  String url(String name) {
    Integer port = ports.get(name);
    if (port == null) {
      throw new IllegalArgumentException("no port for " + name);
    }
    return "http://127.0.0.1:" + port;
  }

  String kafkaBootstrapServers() {
    return kafka.kafkaBootstrapServers();
  }

  String mongoUri() {
    return mongo.mongoUri();
  }

  Path logs() {
    return logs;
  }

  @Override
  public void close() throws Exception {
    List<ServiceProcess> all = new ArrayList<>(services.values());
    for (int i = all.size() - 1; i >= 0; i--) {
      all.get(i).close();
    }
    mongo.close();
    kafka.close();
  }
}
