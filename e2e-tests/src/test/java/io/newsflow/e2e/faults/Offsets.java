package io.newsflow.e2e.faults;

import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/** A consumer group's committed offsets, read with Kafka's admin client. */
final class Offsets {

  private Offsets() {}

  /** Partition ({@code topic-n}) to committed offset, for the partitions of {@code topic} the group committed. */
  static Map<String, Long> committed(String bootstrapServers, String group, String topic) throws Exception {
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
        AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000))) {
      Map<TopicPartition, OffsetAndMetadata> offsets =
          admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
      Map<String, Long> result = new TreeMap<>();
      offsets.forEach((tp, om) -> {
        if (tp.topic().equals(topic) && om != null) {
          result.put(tp.toString(), om.offset());
        }
      });
      return result;
    }
  }

  static long sum(Map<String, Long> offsets) {
    return offsets.values().stream().mapToLong(Long::longValue).sum();
  }
}
