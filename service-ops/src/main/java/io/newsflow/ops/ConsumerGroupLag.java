package io.newsflow.ops;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A consumer group's lag by its committed offsets: per topic, the records between what the group has committed
 * and the end of the log, summed over partitions ({@code newsflow_consumer_lag{group,topic}}). The Kafka client's
 * own {@code records-lag} counts from the consumer's fetch position, which runs ahead of the work: a service busy
 * with a large batch has fetched the records it has not processed, and shows a lag near zero while it falls
 * behind. Committed offsets are what a restart resumes from, so this is the lag an operator can act on. Read with
 * one admin client every {@code refresh} (each reading allowed {@code refresh}, at least 5 s); NaN until the first answer and while the broker does not answer. A
 * partition the group never committed counts from the log's start.
 */
public final class ConsumerGroupLag implements MeterBinder, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ConsumerGroupLag.class);

  private final Admin admin;
  private final String group;
  private final List<String> topics;
  private final Duration timeout;
  private final Map<String, Double> lagByTopic = new ConcurrentHashMap<>();
  private final ScheduledExecutorService timer;
  private volatile boolean failing;

  /** A reading may take up to this long: it is no health probe, and a busy broker answers late, not never. */
  static final Duration MIN_TIMEOUT = Duration.ofSeconds(5);

  public ConsumerGroupLag(String bootstrapServers, String group, List<String> topics, Duration refresh) {
    Duration timeout = refresh.compareTo(MIN_TIMEOUT) > 0 ? refresh : MIN_TIMEOUT;
    int millis = (int) Math.max(1, timeout.toMillis());
    this.admin = Admin.create(Map.of(
        AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
        AdminClientConfig.CLIENT_ID_CONFIG, "newsflow-lag-" + group,
        AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, millis,
        AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, millis));
    this.group = group;
    this.topics = List.copyOf(topics);
    this.timeout = timeout;
    topics.forEach(t -> lagByTopic.put(t, Double.NaN));
    this.timer = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().daemon().name("consumer-lag-" + group).unstarted(r));
    timer.scheduleWithFixedDelay(this::refresh, 0, Math.max(1, refresh.toMillis()), TimeUnit.MILLISECONDS);
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    for (String topic : topics) {
      Gauge.builder("newsflow.consumer.lag", lagByTopic, m -> m.getOrDefault(topic, Double.NaN))
          .tags("group", group, "topic", topic)
          .description("records between the consumer group's committed offsets and the end of the log")
          .register(registry);
    }
  }

  /** The lag of one topic as last read, NaN if unknown. */
  public double lag(String topic) {
    return lagByTopic.getOrDefault(topic, Double.NaN);
  }

  /** Reads the committed offsets and the log ends once; public so tests need not wait for the timer. */
  public synchronized void refresh() {
    try {
      long ms = timeout.toMillis();
      Map<String, TopicDescription> described = admin.describeTopics(topics).allTopicNames().get(ms, TimeUnit.MILLISECONDS);
      Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata()
          .get(ms, TimeUnit.MILLISECONDS);
      Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
      Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
      described.values().forEach(d -> d.partitions().forEach(p -> {
        TopicPartition tp = new TopicPartition(d.name(), p.partition());
        latest.put(tp, OffsetSpec.latest());
        if (committed.get(tp) == null) {
          earliest.put(tp, OffsetSpec.earliest()); // only where the group has nothing committed to count from
        }
      }));
      Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest).all().get(ms, TimeUnit.MILLISECONDS);
      Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> starts = earliest.isEmpty() ? Map.of()
          : admin.listOffsets(earliest).all().get(ms, TimeUnit.MILLISECONDS);
      Map<String, Double> lag = new HashMap<>();
      topics.forEach(t -> lag.put(t, 0.0));
      ends.forEach((tp, end) -> {
        OffsetAndMetadata done = committed.get(tp);
        long from = done != null ? done.offset() : starts.get(tp).offset();
        lag.merge(tp.topic(), (double) Math.max(0, end.offset() - from), Double::sum);
      });
      lagByTopic.putAll(lag);
      if (failing) {
        LOG.info("consumer lag of group {} readable again", group);
        failing = false;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      // unknown, not zero: a lag of 0 would say all is well while the broker cannot be asked
      topics.forEach(t -> lagByTopic.put(t, Double.NaN));
      if (e instanceof ExecutionException && e.getCause() instanceof UnknownTopicOrPartitionException) {
        return; // at first start a topic appears with the first record sent to it: no lag yet, and no fault
      }
      if (!failing) {
        LOG.warn("cannot read the consumer lag of group {}: {}", group, e.toString());
        failing = true;
      }
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
    admin.close(Duration.ofSeconds(1));
  }
}
