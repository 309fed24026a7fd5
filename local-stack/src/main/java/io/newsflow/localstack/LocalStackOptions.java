package io.newsflow.localstack;

import java.nio.file.Path;

/**
 * The command line of {@link LocalStack#main}: data folder, ports, and which part to run. {@code only} is
 * null for both parts, else {@code kafka} or {@code mongo}.
 */
record LocalStackOptions(Path dataDir, int kafkaPort, int mongoPort, String only) {

  static final String USAGE = "usage: local-stack [--data DIR] [--kafka-port N] [--mongo-port N] [--only kafka|mongo]";

  /** @throws IllegalArgumentException with what is wrong, for an unknown flag, a missing value or a bad port */
  static LocalStackOptions parse(String... args) {
    Path dataDir = Path.of("data");
    int kafkaPort = 9092;
    int mongoPort = 27017;
    String only = null;
    for (int i = 0; i < args.length; i++) {
      String flag = args[i];
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException(flag.startsWith("--") ? flag + " needs a value" : "unexpected argument " + flag);
      }
      String value = args[++i];
      switch (flag) {
        case "--data" -> dataDir = Path.of(value);
        case "--kafka-port" -> kafkaPort = port(flag, value);
        case "--mongo-port" -> mongoPort = port(flag, value);
        case "--only" -> {
          if (!value.equals("kafka") && !value.equals("mongo")) {
            throw new IllegalArgumentException("--only takes kafka or mongo, not '" + value + "'");
          }
          only = value;
        }
        default -> throw new IllegalArgumentException("unknown option " + flag);
      }
    }
    return new LocalStackOptions(dataDir, kafkaPort, mongoPort, only);
  }

  private static int port(String flag, String value) {
    try {
      int port = Integer.parseInt(value);
      if (port >= 0 && port <= 65535) {
        return port;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(flag + " must be a port number from 0 to 65535, not '" + value + "'");
  }

  boolean runsKafka() {
    return only == null || only.equals("kafka");
  }

  boolean runsMongo() {
    return only == null || only.equals("mongo");
  }

  /** {@code local-stack.env} for the whole stack; one file per part with {@code --only}, so two parts can share a folder. */
  String readyFileName() {
    return only == null ? "local-stack.env" : "local-stack-" + only + ".env";
  }
}
