package io.newsflow.ingest.kafka;

import io.newsflow.model.topic.Topics;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides which instance polls which feed: the instances form one consumer group on the feeds topic,
 * and an instance polls the feeds whose records live in the partitions the group assigned to it. The
 * consumer reads nothing (its partitions are paused); it only keeps the membership alive. When an
 * instance dies, the group coordinator reassigns its partitions after the session timeout, which
 * bounds how long its feeds go unpolled.
 */
public final class FeedOwnership implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(FeedOwnership.class);

  private final Map<String, Object> props = new HashMap<>();
  private final Set<Integer> owned = ConcurrentHashMap.newKeySet();
  private volatile KafkaConsumer<String, byte[]> consumer;
  private volatile boolean running = true;
  private volatile boolean leaveGroupOnClose = true;
  private Thread thread;
  private volatile java.util.function.Consumer<Set<Integer>> beforeRelease = partitions -> {};

  public FeedOwnership(String bootstrapServers, String groupId, Duration sessionTimeout) {
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
    props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
    props.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, (int) sessionTimeout.toMillis());
    props.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, (int) Math.max(500, sessionTimeout.toMillis() / 4));
    props.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, List.of("org.apache.kafka.clients.consumer.CooperativeStickyAssignor"));
  }

  public synchronized void start() {
    if (thread == null) {
      thread = Thread.ofPlatform().daemon().name("feed-ownership").start(this::run);
    }
  }

  /** Called with partitions being taken away, after they stop counting as owned; blocks the hand-over. */
  public void beforeRelease(java.util.function.Consumer<Set<Integer>> hook) {
    this.beforeRelease = hook;
  }

  /** Whether this instance polls the feeds of that partition of the feeds topic. */
  public boolean owns(int partition) {
    return owned.contains(partition);
  }

  public Set<Integer> ownedPartitions() {
    return Set.copyOf(owned);
  }

  private void run() {
    while (running) {
      try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(props)) {
        consumer = c;
        c.subscribe(List.of(Topics.FEEDS.name()), new ConsumerRebalanceListener() {
          @Override
          public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            Set<Integer> released = new java.util.HashSet<>();
            partitions.forEach(p -> released.add(p.partition()));
            owned.removeAll(released);
            // the group hands the partitions on only after this returns: let running polls finish first
            beforeRelease.accept(released);
            log.info("feed partitions revoked: {}", partitions);
          }

          @Override
          public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            c.pause(partitions);
            partitions.forEach(p -> owned.add(p.partition()));
            log.info("feed partitions assigned: {}", partitions);
          }

          @Override
          public void onPartitionsLost(Collection<TopicPartition> partitions) {
            onPartitionsRevoked(partitions);
          }
        });
        while (running) {
          c.poll(Duration.ofMillis(500));
        }
        c.close(leaveGroupOnClose ? CloseOptions.timeout(Duration.ofSeconds(5))
            : CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.REMAIN_IN_GROUP).withTimeout(Duration.ofSeconds(5)));
      } catch (WakeupException e) {
        // closing
      } catch (RuntimeException e) {
        owned.clear();
        if (running) {
          log.warn("feed ownership consumer failed, rejoining in 1 s: {}", e.toString());
          try {
            Thread.sleep(1000);
          } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            return;
          }
        }
      }
    }
    owned.clear();
  }

  /**
   * Stops polling feeds without telling the group, as a crashed process would: the partitions move
   * only after the session timeout. Used to show failover in tests.
   */
  public void abandon() {
    leaveGroupOnClose = false;
    owned.clear();
    close();
  }

  @Override
  public void close() {
    running = false;
    owned.clear();
    if (thread != null) {
      try {
        thread.join(10_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
