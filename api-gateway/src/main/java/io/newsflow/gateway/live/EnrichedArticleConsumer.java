package io.newsflow.gateway.live;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.newsflow.gateway.backend.ArticleChange;
import io.newsflow.gateway.backend.ReadCache;
import io.newsflow.gateway.config.GatewayProperties;
import io.newsflow.model.article.EnrichedArticle;
import io.newsflow.model.json.EventDecodingException;
import io.newsflow.model.json.EventJson;
import io.newsflow.model.topic.Topics;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the enriched-article topic into the {@link LiveHub} on one background thread. Every gateway
 * instance reads every partition itself (assignment, no consumer group), since each serves its own
 * clients. It starts a little before the end of each partition so that the replay buffer is warm
 * and Last-Event-ID survives a gateway restart. Bad records are logged and skipped: the live stream
 * is a view, the dead-letter topic belongs to the services that process records.
 *
 * <p>The same records are the read cache's change signals: every article (duplicates and updates
 * too, which change other answers) tells the {@link ReadCache} what it may have changed. The cache
 * relies on them only while this consumer is assigned and connected to the broker; otherwise it
 * falls back to its short blind TTL. A signal is held back until store-service has written the
 * article ({@link StoreProgress}: its consumer group committed past it), or at most
 * {@code readCacheStoreWait}, so that the refresh it causes finds the article in the store.
 */
@Context
@Requires(property = "newsflow.gateway.live-enabled", value = "true")
final class EnrichedArticleConsumer implements Runnable {

  private static final Logger LOG = LoggerFactory.getLogger(EnrichedArticleConsumer.class);
  private static final Duration TOPIC_RETRY = Duration.ofSeconds(2);
  /** More held-back signals than this (store-service far behind): the oldest go out at once. */
  private static final int MAX_HELD = 10_000;

  /** A change signal waiting for store-service to write its article. */
  private record HeldChange(int partition, long offset, ArticleChange change, long seenAtNanos) {}

  private final LiveHub hub;
  private final ReadCache cache;
  private final GatewayProperties properties;
  private final KafkaConsumer<String, byte[]> consumer;
  private final Thread thread;
  private volatile boolean running = true;
  private MetricName connectionCount;
  private final StoreProgress storeProgress;
  private final ArrayDeque<HeldChange> held = new ArrayDeque<>();

  EnrichedArticleConsumer(LiveHub hub, ReadCache cache, GatewayProperties properties) {
    this.hub = hub;
    this.cache = cache;
    this.properties = properties;
    Properties config = new Properties();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, properties.kafkaBootstrapServers());
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    config.put(ConsumerConfig.CLIENT_ID_CONFIG, "api-gateway-live");
    config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "500");
    this.consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
    this.storeProgress = new StoreProgress(properties.kafkaBootstrapServers(), properties.storeConsumerGroup(),
        Topics.ENRICHED_ARTICLES.name(), Duration.ofMillis(200));
    this.thread = Thread.ofPlatform().daemon().name("live-enriched-consumer").unstarted(this);
  }

  @PostConstruct
  void start() {
    thread.start();
  }

  @Override
  public void run() {
    try {
      assignWhenTopicExists();
      while (running) {
        // shorter polls while signals wait for store-service, so they go out soon after it writes
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(held.isEmpty() ? 500 : 100))) {
          handle(record);
        }
        releaseWrittenChanges();
        cache.followingChanges(isConnected());
      }
    } catch (WakeupException e) {
      // closing
    } catch (RuntimeException e) {
      LOG.error("live stream consumer stopped: {}", e.toString(), e);
    } finally {
      cache.followingChanges(false);
      consumer.close(Duration.ofSeconds(2));
      storeProgress.close();
    }
  }

  private void assignWhenTopicExists() throws WakeupException {
    String topic = Topics.ENRICHED_ARTICLES.name();
    while (running) {
      List<PartitionInfo> partitions;
      try {
        partitions = consumer.partitionsFor(topic, Duration.ofSeconds(5));
      } catch (TimeoutException e) {
        // Kafka not up yet (or down): the rest of the gateway works meanwhile; keep trying.
        LOG.warn("live stream cannot reach Kafka at {}: {}", properties.kafkaBootstrapServers(), e.getMessage());
        sleep(TOPIC_RETRY);
        continue;
      }
      if (partitions != null && !partitions.isEmpty()) {
        List<TopicPartition> assigned = partitions.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(assigned);
        Map<TopicPartition, Long> ends = consumer.endOffsets(assigned);
        Map<TopicPartition, Long> begins = consumer.beginningOffsets(assigned);
        Map<TopicPartition, Long> starts = new HashMap<>();
        long perPartition = Math.max(1, properties.liveReplaySize() / assigned.size());
        ends.forEach((tp, end) -> starts.put(tp, Math.max(begins.getOrDefault(tp, 0L), end - perPartition)));
        starts.forEach(consumer::seek);
        LOG.info("live stream reading {} from {}", topic, starts);
        return;
      }
      LOG.info("live stream waiting for topic {}", topic);
      sleep(TOPIC_RETRY);
    }
  }

  private void handle(ConsumerRecord<String, byte[]> record) {
    try {
      EnrichedArticle article = EventJson.fromBytes(record.value(), EnrichedArticle.class);
      held.addLast(new HeldChange(record.partition(), record.offset(), ArticleChange.of(article), System.nanoTime()));
      if (held.size() > MAX_HELD) {
        cache.articleChanged(held.removeFirst().change());
      }
      if (article.dedupe().isDuplicate()) {
        return; // the original was already streamed; the timeline hides duplicates the same way
      }
      hub.publish(LiveItem.of(record.partition() + "-" + record.offset(), article));
    } catch (EventDecodingException e) {
      LOG.warn("live stream skipped record {}-{}: {}", record.partition(), record.offset(), e.getMessage());
    }
  }

  /** Passes on the signals whose articles store-service has written, or that waited long enough. */
  private void releaseWrittenChanges() {
    long now = System.nanoTime();
    long maxWait = properties.readCacheStoreWait().toNanos();
    for (Iterator<HeldChange> it = held.iterator(); it.hasNext(); ) {
      HeldChange h = it.next();
      if (now - h.seenAtNanos() >= maxWait || storeProgress.hasWritten(h.partition(), h.offset(), now)) {
        cache.articleChanged(h.change());
        it.remove();
      }
    }
  }

  /**
   * Whether the consumer has a live connection to the broker: poll() returns empty both when nothing
   * is new and when the broker is gone, and only the second must turn the cache's change signals off.
   */
  private boolean isConnected() {
    if (connectionCount == null) {
      connectionCount = consumer.metrics().keySet().stream()
          .filter(n -> n.name().equals("connection-count") && n.group().equals("consumer-metrics"))
          .findFirst().orElse(null);
    }
    Metric metric = connectionCount == null ? null : consumer.metrics().get(connectionCount);
    return metric != null && metric.metricValue() instanceof Double count && count > 0;
  }

  private void sleep(Duration d) {
    try {
      Thread.sleep(d);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
  }

  @PreDestroy
  void stop() throws InterruptedException {
    running = false;
    consumer.wakeup();
    thread.join(5_000);
  }
}
