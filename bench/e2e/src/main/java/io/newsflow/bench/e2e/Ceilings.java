package io.newsflow.bench.e2e;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bson.Document;

/**
 * The raw ceilings the pipeline is compared with, measured against the same broker and the same
 * MongoDB-wire server the services use: Kafka's own producer and consumer perf tools with 5 KB
 * records (run as child processes, as {@code kafka-producer-perf-test.sh} would run them), and
 * {@code insertMany} of 5 KB documents in batches of 500 into a scratch collection.
 */
final class Ceilings {

  static final String TOPIC = "bench.ceiling.perf";
  private static final Pattern PRODUCER_RESULT = Pattern.compile("(\\d+) records sent, ([\\d.]+) records/sec \\(([\\d.]+) MB/sec\\), ([\\d.]+) ms avg latency, ([\\d.]+) ms max latency");

  /** One measured ceiling. */
  record Ceiling(String name, double perSecond, String detail) {}

  private Ceilings() {}

  static Ceiling kafkaProducer(String bootstrap, int records, Path logDir) throws Exception {
    String out = runTool(logDir.resolve("producer-perf.log"), "org.apache.kafka.tools.ProducerPerformance",
        "--bootstrap-server", bootstrap, "--topic", TOPIC, "--num-records", String.valueOf(records), "--record-size", "5120",
        "--throughput", "-1", "--command-property", "acks=all", "linger.ms=5", "batch.size=262144");
    Matcher m = null;
    for (String line : out.split("\n")) {
      Matcher candidate = PRODUCER_RESULT.matcher(line);
      if (candidate.find()) {
        m = candidate; // the last such line is the summary of the whole run
      }
    }
    if (m == null) {
      throw new IllegalStateException("no summary from ProducerPerformance; see " + logDir.resolve("producer-perf.log"));
    }
    return new Ceiling("Kafka producer (ProducerPerformance, 5 KB, acks=all)", Double.parseDouble(m.group(2)),
        m.group(1) + " records, " + m.group(3) + " MB/s, avg latency " + m.group(4) + " ms, max " + m.group(5) + " ms");
  }

  static Ceiling kafkaConsumer(String bootstrap, int records, Path logDir) throws Exception {
    String out = runTool(logDir.resolve("consumer-perf.log"), "org.apache.kafka.tools.ConsumerPerformance",
        "--bootstrap-server", bootstrap, "--topic", TOPIC, "--num-records", String.valueOf(records), "--timeout", "60000",
        "--group", "bench-ceiling-" + System.nanoTime());
    // header: start.time, end.time, data.consumed.in.MB, MB.sec, data.consumed.in.nMsg, nMsg.sec, rebalance.time.ms,
    //         fetch.time.ms, fetch.MB.sec, fetch.nMsg.sec
    String[] lines = out.strip().split("\n");
    for (int i = lines.length - 1; i > 0; i--) {
      String[] header = lines[i - 1].split(",\\s*");
      String[] v = lines[i].split(",\\s*");
      if (lines[i - 1].contains("nMsg.sec") && v.length == header.length) {
        double fetchRate = Double.parseDouble(v[indexOf(header, "fetch.nMsg.sec")].strip());
        double overall = Double.parseDouble(v[indexOf(header, "nMsg.sec")].strip());
        return new Ceiling("Kafka consumer (ConsumerPerformance, 5 KB)", fetchRate,
            v[indexOf(header, "data.consumed.in.nMsg")].strip() + " records; fetch-only " + fetchRate + "/s, overall incl. group join "
                + overall + "/s (" + v[indexOf(header, "MB.sec")].strip() + " MB/s)");
      }
    }
    throw new IllegalStateException("no result line from ConsumerPerformance; see " + logDir.resolve("consumer-perf.log"));
  }

  private static int indexOf(String[] header, String name) {
    for (int i = 0; i < header.length; i++) {
      if (header[i].strip().equals(name)) {
        return i;
      }
    }
    throw new IllegalStateException("ConsumerPerformance printed no column " + name);
  }

  /** insertMany of {@code count} 5 KB documents, batches of 500, into a scratch collection that is dropped after. */
  static Ceiling mongoBulkInsert(String uri, int count) {
    SplittableRandom random = new SplittableRandom(7);
    try (MongoClient client = MongoClients.create(uri)) {
      MongoCollection<Document> scratch = client.getDatabase("bench_ceiling").getCollection("raw_5kb");
      scratch.drop();
      List<Document> batch = new ArrayList<>();
      long start = System.nanoTime();
      for (int i = 0; i < count; i++) {
        batch.add(new Document("_id", "doc-" + i).append("title", "ceiling document " + i).append("text", text(random, 5_000))
            .append("n", i));
        if (batch.size() == 500 || i == count - 1) {
          scratch.insertMany(batch);
          batch.clear();
        }
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      scratch.drop();
      return new Ceiling("MongoDB-wire server, H2 backend (insertMany, 5 KB docs, batches of 500)", count / seconds,
          count + " documents in " + String.format("%.1f", seconds) + " s");
    }
  }

  private static String text(SplittableRandom random, int length) {
    StringBuilder sb = new StringBuilder(length + 16);
    while (sb.length() < length) {
      sb.append(Words.pick(Words.CITIES, random)).append(' ').append(Words.pick(Words.CONNECTORS, random)).append(' ');
    }
    return sb.substring(0, length);
  }

  private static String runTool(Path log, String mainClass, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-Xmx512m",
        "-cp", System.getProperty("java.class.path"), mainClass));
    command.addAll(List.of(args));
    Files.createDirectories(log.getParent());
    // the tools print their result on stdout and their client logging on stderr: kept apart for parsing
    Path err = log.resolveSibling(log.getFileName() + ".stderr");
    Process p = new ProcessBuilder(command).redirectOutput(log.toFile()).redirectError(err.toFile()).start();
    if (!p.waitFor(5, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new IllegalStateException(mainClass + " did not finish in 5 minutes; see " + log);
    }
    return readLog(log);
  }

  private static String readLog(Path log) throws IOException {
    return Files.readString(log, StandardCharsets.UTF_8);
  }
}
