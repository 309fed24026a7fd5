package io.newsflow.localstack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the local stack: the Kafka broker and the MongoDB-wire server on loopback, with data under
 * one folder. Where {@code KAFKA_BOOTSTRAP_SERVERS} or {@code MONGODB_URI} is set, that part is not
 * started and the given address is used instead. When ready it writes {@code local-stack.env} in the
 * data folder (the addresses the services should use) and runs until stopped.
 *
 * <p>Usage: {@code java -jar local-stack-exec.jar [--data DIR] [--kafka-port N] [--mongo-port N] [--only kafka|mongo]}
 *
 * <p>{@code --only} starts one part alone, so that the fault tests can run the broker and the MongoDB-wire
 * server as separate processes and kill or restart each on its own (same data folder, same port). The
 * ready file is then {@code local-stack-kafka.env} or {@code local-stack-mongo.env} and holds only that
 * part's address, so two such processes can share one data folder.
 */
public final class LocalStack implements AutoCloseable {

  static {
    // only when run as the local-stack process; as a test library it must not take over the host's logging
    if (System.getProperty("logback.configurationFile") == null && isMainProcess()) {
      System.setProperty("logback.configurationFile", "local-stack-logback.xml");
    }
  }

  private static final Logger log = LoggerFactory.getLogger(LocalStack.class);

  private final List<AutoCloseable> started = new ArrayList<>();
  private final String kafkaBootstrapServers;
  private final String mongoUri;

  private LocalStack(String kafkaBootstrapServers, String mongoUri) {
    this.kafkaBootstrapServers = kafkaBootstrapServers;
    this.mongoUri = mongoUri;
  }

  /** Starts whatever {@code externalKafka} and {@code externalMongo} (either may be null) do not provide. */
  public static LocalStack start(Path dataDir, int kafkaPort, int mongoPort, String externalKafka, String externalMongo) {
    List<AutoCloseable> opened = new ArrayList<>();
    String kafka = externalKafka;
    String mongo = externalMongo;
    if (isBlank(kafka)) {
      EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(dataDir.resolve("kafka"), kafkaPort).start();
      opened.add(broker);
      kafka = broker.bootstrapServers();
    } else {
      log.info("KAFKA_BOOTSTRAP_SERVERS is set: using Kafka at {}, starting none", kafka);
    }
    if (isBlank(mongo)) {
      EmbeddedMongoServer server = new EmbeddedMongoServer(dataDir.resolve("mongo"), mongoPort).start();
      opened.add(server);
      mongo = server.uri();
    } else {
      log.info("MONGODB_URI is set: using MongoDB at {}, starting none", mongo);
    }
    LocalStack stack = new LocalStack(kafka, mongo);
    stack.started.addAll(opened);
    return stack;
  }

  public String kafkaBootstrapServers() {
    return kafkaBootstrapServers;
  }

  public String mongoUri() {
    return mongoUri;
  }

  /** Stops what this stack started, newest first. */
  @Override
  public void close() {
    for (int i = started.size() - 1; i >= 0; i--) {
      try {
        started.get(i).close();
      } catch (Exception e) {
        log.warn("stopping {} failed", started.get(i), e);
      }
    }
    started.clear();
  }

  public static void main(String[] args) throws IOException, InterruptedException {
    LocalStackOptions options;
    try {
      options = LocalStackOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage() + "\n" + LocalStackOptions.USAGE);
      System.exit(2);
      return;
    }
    Path dataDir = options.dataDir();
    Files.createDirectories(dataDir);
    Path envFile = dataDir.resolve(options.readyFileName());
    Files.deleteIfExists(envFile);
    // with --only, the other part counts as provided elsewhere: whatever the environment says, it is not started
    String externalKafka = options.runsKafka() ? System.getenv("KAFKA_BOOTSTRAP_SERVERS") : "(not started: --only mongo)";
    String externalMongo = options.runsMongo() ? System.getenv("MONGODB_URI") : "(not started: --only kafka)";
    LocalStack stack = start(dataDir, options.kafkaPort(), options.mongoPort(), externalKafka, externalMongo);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      stack.close();
      stopped.countDown();
    }, "local-stack-shutdown"));
    String env = (options.runsKafka() ? "KAFKA_BOOTSTRAP_SERVERS=" + stack.kafkaBootstrapServers() + "\n" : "")
        + (options.runsMongo() ? "MONGODB_URI=" + stack.mongoUri() + "\n" : "");
    Path tmp = dataDir.resolve(envFile.getFileName() + ".tmp");
    Files.writeString(tmp, env, StandardCharsets.UTF_8);
    Files.move(tmp, envFile, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    System.out.println("local-stack ready: " + env.replace('\n', ' ').strip());
    stopped.await();
  }

  private static boolean isMainProcess() {
    String command = System.getProperty("sun.java.command", "");
    return command.startsWith(LocalStack.class.getName()) || command.contains("local-stack-exec.jar");
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }
}
