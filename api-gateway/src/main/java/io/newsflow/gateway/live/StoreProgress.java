package io.newsflow.gateway.live;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How far store-service has written a topic: its consumer group's committed offsets. store-service
 * commits a batch only after writing it (batch listener, ack mode batch), so an offset below the
 * committed one is in MongoDB, and a refresh asked now will show it. Asked at most every
 * {@code minInterval}; an unknown group or an unreachable broker answers "nothing known", which
 * the caller treats as "not yet" until its own deadline.
 */
final class StoreProgress implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(StoreProgress.class);
  private static final Duration ASK_TIMEOUT = Duration.ofSeconds(2);

  private final Admin admin;
  private final String group;
  private final String topic;
  private final long minIntervalNanos;
  private Map<Integer, Long> committed = Map.of();
  private long askedAtNanos = Long.MIN_VALUE / 2;
  private boolean warned;

  StoreProgress(String bootstrapServers, String group, String topic, Duration minInterval) {
    this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
        AdminClientConfig.CLIENT_ID_CONFIG, "api-gateway-store-progress",
        AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) ASK_TIMEOUT.toMillis(),
        AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) ASK_TIMEOUT.toMillis()));
    this.group = group;
    this.topic = topic;
    this.minIntervalNanos = minInterval.toNanos();
  }

  /** Whether store-service has committed past this record: it has written it. */
  boolean hasWritten(int partition, long offset, long nowNanos) {
    if (nowNanos - askedAtNanos >= minIntervalNanos) {
      askedAtNanos = nowNanos;
      committed = ask();
    }
    Long next = committed.get(partition);
    return next != null && next > offset;
  }

  private Map<Integer, Long> ask() {
    try {
      Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
          .partitionsToOffsetAndMetadata().get(ASK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      Map<Integer, Long> byPartition = new HashMap<>();
      offsets.forEach((tp, om) -> {
        if (tp.topic().equals(topic) && om != null) {
          byPartition.put(tp.partition(), om.offset());
        }
      });
      warned = false;
      return byPartition;
    } catch (ExecutionException | TimeoutException e) {
      if (!warned) {
        // a timeout carries no message: say what did not answer, and in how long
        LOG.warn("cannot read store-service's progress (consumer group {}): {}; cached reads wait for their deadline", group,
            e instanceof TimeoutException ? "no answer within " + ASK_TIMEOUT.toMillis() + " ms" : String.valueOf(e.getCause()));
        warned = true;
      }
      return committed;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return committed;
    }
  }

  @Override
  public void close() {
    admin.close(Duration.ofSeconds(2));
  }
}
