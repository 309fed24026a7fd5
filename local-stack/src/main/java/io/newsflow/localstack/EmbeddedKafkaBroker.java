package io.newsflow.localstack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Apache Kafka broker in KRaft mode (combined broker and controller), run in this
 * JVM from Kafka's own server classes. Its log directory is formatted once and reused, so a restart on
 * the same folder keeps every topic and committed offset.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);

  private final Path dataDir;
  private final int port;
  private final int controllerPort;
  private KafkaRaftServer server;

  /**
   * @param dataDir folder for the broker's logs and metadata; created if missing
   * @param port    client port on 127.0.0.1, 0 for a free one
   */
  public EmbeddedKafkaBroker(Path dataDir, int port) {
    this.dataDir = dataDir.toAbsolutePath();
    this.port = port == 0 ? Ports.free() : port;
    this.controllerPort = Ports.free();
  }

  public synchronized EmbeddedKafkaBroker start() {
    if (server != null) {
      return this;
    }
    try {
      Files.createDirectories(dataDir);
      Path config = writeConfig();
      format(config);
      Properties props = loadProperties(config);
      server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
      server.startup();
      log.info("Kafka broker (KRaft) listening on {} with data in {}", bootstrapServers(), dataDir);
      return this;
    } catch (IOException e) {
      throw new IllegalStateException("cannot prepare Kafka data folder " + dataDir, e);
    }
  }

  public String bootstrapServers() {
    return "127.0.0.1:" + port;
  }

  public int port() {
    return port;
  }

  /** Stops the broker and waits until its ports are released. */
  @Override
  public synchronized void close() {
    if (server != null) {
      server.shutdown();
      server.awaitShutdown();
      server = null;
      log.info("Kafka broker on port {} stopped", port);
    }
  }

  private Path writeConfig() throws IOException {
    Properties p = new Properties();
    p.setProperty("process.roles", "broker,controller");
    p.setProperty("node.id", "1");
    p.setProperty("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
    p.setProperty("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
    p.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
    p.setProperty("controller.listener.names", "CONTROLLER");
    p.setProperty("inter.broker.listener.name", "PLAINTEXT");
    p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
    p.setProperty("log.dirs", dataDir.resolve("logs").toString());
    p.setProperty("num.partitions", "4");
    p.setProperty("default.replication.factor", "1");
    p.setProperty("offsets.topic.replication.factor", "1");
    p.setProperty("offsets.topic.num.partitions", "4");
    p.setProperty("transaction.state.log.replication.factor", "1");
    p.setProperty("transaction.state.log.min.isr", "1");
    p.setProperty("share.coordinator.state.topic.replication.factor", "1");
    p.setProperty("share.coordinator.state.topic.min.isr", "1");
    p.setProperty("group.initial.rebalance.delay.ms", "0");
    p.setProperty("auto.create.topics.enable", "true");
    p.setProperty("log.flush.interval.messages", "1000");
    p.setProperty("log.segment.bytes", String.valueOf(64 * 1024 * 1024));
    Path config = dataDir.resolve("server.properties");
    try (Writer out = Files.newBufferedWriter(config, StandardCharsets.UTF_8)) {
      p.store(out, "written by newsflow local-stack on every start; ports may change between starts");
    }
    return config;
  }

  private void format(Path config) throws IOException {
    Path clusterIdFile = dataDir.resolve("cluster.id");
    if (!Files.exists(clusterIdFile)) {
      Files.writeString(clusterIdFile, Uuid.randomUuid().toString());
    }
    String clusterId = Files.readString(clusterIdFile).strip();
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    int exit = StorageTool.execute(
        new String[] {"format", "-t", clusterId, "-c", config.toString(), "--ignore-formatted"},
        new PrintStream(output, true, StandardCharsets.UTF_8));
    if (exit != 0) {
      throw new IllegalStateException("formatting Kafka storage failed (exit " + exit + "): " + output.toString(StandardCharsets.UTF_8));
    }
  }

  private static Properties loadProperties(Path config) throws IOException {
    Properties props = new Properties();
    try (var in = Files.newBufferedReader(config, StandardCharsets.UTF_8)) {
      props.load(in);
    }
    return props;
  }
}
