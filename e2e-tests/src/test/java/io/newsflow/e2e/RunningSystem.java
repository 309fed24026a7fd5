package io.newsflow.e2e;

import io.newsflow.localstack.Ports;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The four services as child processes, on free ports, wired to a given Kafka and MongoDB, built from
 * the jars of this repository (the reactor packages them before this module's tests run).
 */
final class RunningSystem implements AutoCloseable {

  static final String OPERATOR_KEY = "e2e-operator-key-0f3c";
  static final String READER_KEY = "e2e-reader-key-77aa";

  final int ingestPort = Ports.free();
  final int enrichPort = Ports.free();
  final int storePort = Ports.free();
  final int gatewayPort = Ports.free();
  private final List<ServiceProcess> processes = new ArrayList<>();

  static Path repo() {
    return Path.of(System.getProperty("newsflow.repo", "..")).toAbsolutePath().normalize();
  }

  RunningSystem(String kafkaBootstrapServers, String mongoUri, String allowedHosts) throws Exception {
    Path repo = repo();
    Path logs = repo.resolve("e2e-tests/target/e2e-logs");
    Map<String, String> common = new HashMap<>();
    common.put("KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrapServers);
    common.put("MONGODB_URI", mongoUri);
    common.put("NEWSFLOW_ALLOWED_HOSTS", allowedHosts);
    common.put("NEWSFLOW_API_KEYS", "operator:" + OPERATOR_KEY + ",reader:" + READER_KEY);
    common.put("NEWSFLOW_INGEST_URL", "http://127.0.0.1:" + ingestPort);
    common.put("NEWSFLOW_STORE_URL", "http://127.0.0.1:" + storePort);

    processes.add(spring("store-service", repo, storePort, common, logs));
    processes.add(spring("enrich-service", repo, enrichPort, common, logs));
    processes.add(spring("ingest-service", repo, ingestPort, common, logs));
    Map<String, String> gatewayEnv = new HashMap<>(common);
    gatewayEnv.put("MICRONAUT_SERVER_PORT", String.valueOf(gatewayPort));
    processes.add(new ServiceProcess("api-gateway", repo.resolve("api-gateway/target/api-gateway-all.jar"), gatewayEnv,
        "http://127.0.0.1:" + gatewayPort + "/health", logs));
    try {
      for (ServiceProcess p : processes) {
        p.start();
      }
      for (ServiceProcess p : processes) {
        p.awaitHealthy(Duration.ofSeconds(120));
      }
    } catch (Exception e) {
      close();
      throw e;
    }
  }

  private static ServiceProcess spring(String name, Path repo, int port, Map<String, String> common, Path logs) {
    Map<String, String> env = new HashMap<>(common);
    env.put("SERVER_PORT", String.valueOf(port));
    return new ServiceProcess(name, repo.resolve(name + "/target/" + name + "-exec.jar"), env,
        "http://127.0.0.1:" + port + "/actuator/health", logs);
  }

  String gateway() {
    return "http://127.0.0.1:" + gatewayPort;
  }

  String ingest() {
    return "http://127.0.0.1:" + ingestPort;
  }

  @Override
  public void close() throws InterruptedException {
    for (int i = processes.size() - 1; i >= 0; i--) {
      processes.get(i).close();
    }
  }
}
