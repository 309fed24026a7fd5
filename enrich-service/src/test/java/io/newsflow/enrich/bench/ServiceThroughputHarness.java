package io.newsflow.enrich.bench;

import io.newsflow.enrich.EnrichApplication;
import io.newsflow.enrich.support.BenchArticles;
import io.newsflow.localstack.EmbeddedKafkaBroker;
import io.newsflow.localstack.Ports;
import io.newsflow.model.json.EventJson;
import io.newsflow.model.topic.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The service consuming from a real broker: loads N raw 5 KB articles into the raw topic, starts
 * enrich-service, and measures the time until N enriched records are on the enriched topic (polled
 * through end offsets, so the measuring costs the service nothing). Arguments: article count
 * (default 20000), consumer threads (default 2), optionally a warm-up (articles enriched before the
 * measured span starts: a count, or {@code jit} for "until the JIT is quiet", see {@link JitWindows}),
 * then any Spring arguments (settings to try). Run as in BENCHMARKS.md.
 */
public final class ServiceThroughputHarness {

  public static void main(String[] args) throws Exception {
    int count = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    int threads = args.length > 1 ? Integer.parseInt(args[1]) : 2;
    boolean hasWarmUp = args.length > 2 && !args[2].startsWith("--");
    boolean untilJitQuiet = hasWarmUp && args[2].equals("jit");
    int warmUp = hasWarmUp && !untilJitQuiet ? Integer.parseInt(args[2]) : 0;
    int firstSpringArg = hasWarmUp ? 3 : 2;
    Path dir = Files.createTempDirectory("enrich-throughput");
    try (EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(dir, 0).start();
        Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
      admin.createTopics(List.of(new NewTopic(Topics.RAW_ARTICLES.name(), 4, (short) 1),
          new NewTopic(Topics.ENRICHED_ARTICLES.name(), 4, (short) 1))).all().get();
      load(broker.bootstrapServers(), count, 7);
      System.out.printf("loaded %d raw articles; starting enrich-service with %d consumer threads%n", count, threads);
      long started = System.nanoTime();
      List<String> springArgs = new ArrayList<>(List.of("--server.port=" + Ports.free(),
          "--newsflow.enrich.bootstrap-servers=" + broker.bootstrapServers(),
          "--newsflow.enrich.concurrency=" + threads));
      // further arguments are settings to try, e.g. --newsflow.enrich.max-poll-records=1000
      springArgs.addAll(Arrays.asList(args).subList(Math.min(firstSpringArg, args.length), args.length));
      try (ConfigurableApplicationContext app = new SpringApplicationBuilder(EnrichApplication.class)
          .run(springArgs.toArray(String[]::new))) {
        long ready = System.nanoTime();
        if (warmUp > 0) {
          // JIT compilation of the service, its clients and the broker is a start-up cost, not a per-article one
          ready = awaitEnriched(admin, warmUp);
        } else if (untilJitQuiet) {
          // on 2 cores the one C2 thread works through a backlog for 1-2 minutes after start (BENCHMARKS.md E.1):
          // a fixed count either cuts into it or wastes articles
          ready = JitWindows.awaitQuiet(() -> enrichedSoFar(admin), count);
        }
        // the listener starts before run() returns: count only what is enriched after this point
        long before = enrichedSoFar(admin);
        CpuByThread cpu = CpuByThread.now();
        KafkaTraffic traffic = KafkaTraffic.now();
        // still compiling at the end of the span? print the JIT's share per window of the measured span too
        long done;
        try (JitWindows windows = JitWindows.printEvery(10, () -> enrichedSoFar(admin))) {
          done = awaitEnriched(admin, count);
        }
        double seconds = (done - ready) / 1e9;
        System.out.printf("start-up%s %.1f s (%d already enriched); %d more enriched in %.2f s = %.0f articles/s%n",
            warmUp > 0 ? " and warm-up" : "",
            (ready - started) / 1e9, before, count - before, seconds, (count - before) / seconds);
        // on a shared machine the wall-clock rate is mostly other processes' load: CPU per article is not
        cpu.printSince(count - before, seconds);
        traffic.printSince(count - before);
      }
    }
  }

  /**
   * The articles as ingest-service sends them (lz4, as its producer is set), generated and sent one by
   * one so that a long run does not hold them all in the heap.
   */
  static void load(String bootstrap, int count, long seed) {
    try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
        ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
        ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
        ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4",
        ProducerConfig.LINGER_MS_CONFIG, 20))) {
      BenchArticles.generate(count, seed, a ->
          producer.send(new ProducerRecord<>(Topics.RAW_ARTICLES.name(), a.articleId(), EventJson.toBytes(a))));
      producer.flush();
    }
  }

  static long enrichedSoFar(Admin admin) throws Exception {
    Set<TopicPartition> partitions = java.util.stream.IntStream.range(0, 4)
        .mapToObj(p -> new TopicPartition(Topics.ENRICHED_ARTICLES.name(), p)).collect(Collectors.toSet());
    Map<TopicPartition, OffsetSpec> latest = partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()));
    Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> offsets = admin.listOffsets(latest).all().get();
    return offsets.values().stream().mapToLong(ListOffsetsResult.ListOffsetsResultInfo::offset).sum();
  }

  static long awaitEnriched(Admin admin, int count) throws Exception {
    long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
    while (System.nanoTime() < deadline) {
      if (enrichedSoFar(admin) >= count) {
        return System.nanoTime();
      }
      Thread.sleep(50);
    }
    throw new IllegalStateException("enriched records did not reach " + count + " within 30 minutes");
  }
}
