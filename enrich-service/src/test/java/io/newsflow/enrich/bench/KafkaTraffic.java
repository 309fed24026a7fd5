package io.newsflow.enrich.bench;

import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * What the Kafka clients and the in-process broker did during a run, read from the JMX beans both
 * register: requests by type and bytes by topic at the broker, and per client the figures that say
 * whether batching works (records per request, batch and fetch sizes, commits). Counters are taken
 * as differences; the clients' averages are their own recent windows (about the last minute).
 */
final class KafkaTraffic {

  private static final MBeanServer JMX = ManagementFactory.getPlatformMBeanServer();

  private final Map<String, Double> counters;

  private KafkaTraffic(Map<String, Double> counters) {
    this.counters = counters;
  }

  static KafkaTraffic now() {
    Map<String, Double> c = new TreeMap<>();
    // request=Produce,version=N: summed over versions
    sum(c, "kafka.network:type=RequestMetrics,name=RequestsPerSec,*", "Count", "request");
    sum(c, "kafka.server:type=BrokerTopicMetrics,name=BytesInPerSec,*", "Count", "topic");
    sum(c, "kafka.server:type=BrokerTopicMetrics,name=BytesOutPerSec,*", "Count", "topic");
    sum(c, "kafka.server:type=BrokerTopicMetrics,name=MessagesInPerSec,*", "Count", "topic");
    sum(c, "kafka.producer:type=producer-metrics,*", "request-total", "client-id");
    sum(c, "kafka.producer:type=producer-metrics,*", "record-send-total", "client-id");
    sum(c, "kafka.producer:type=producer-metrics,*", "outgoing-byte-total", "client-id");
    sum(c, "kafka.consumer:type=consumer-fetch-manager-metrics,*", "fetch-total", "client-id");
    sum(c, "kafka.consumer:type=consumer-fetch-manager-metrics,*", "records-consumed-total", "client-id");
    sum(c, "kafka.consumer:type=consumer-fetch-manager-metrics,*", "bytes-consumed-total", "client-id");
    sum(c, "kafka.consumer:type=consumer-coordinator-metrics,*", "commit-total", "client-id");
    return new KafkaTraffic(c);
  }

  void printSince(long articles) {
    KafkaTraffic end = now();
    System.out.printf("Kafka traffic per 1,000 articles (broker and clients in this process):%n");
    end.counters.forEach((key, value) -> {
      double d = value - counters.getOrDefault(key, 0.0);
      if (d > 0) {
        System.out.printf("  %-95s %12.1f%n", key, d * 1000 / articles);
      }
    });
    System.out.printf("client averages over their last window:%n");
    averages("kafka.producer:type=producer-metrics,*", "batch-size-avg", "records-per-request-avg",
        "compression-rate-avg", "record-size-avg", "request-latency-avg");
    averages("kafka.consumer:type=consumer-fetch-manager-metrics,*", "fetch-size-avg", "records-per-request-avg",
        "fetch-latency-avg");
    averages("kafka.consumer:type=consumer-coordinator-metrics,*", "commit-rate");
  }

  private static void averages(String pattern, String... attributes) {
    for (ObjectName name : query(pattern)) {
      if (name.getKeyProperty("topic") != null || name.getKeyProperty("partition") != null) {
        continue;
      }
      StringBuilder line = new StringBuilder("  " + name.getKeyProperty("client-id") + ":");
      for (String attribute : attributes) {
        line.append(String.format(" %s=%.1f", attribute, read(name, attribute)));
      }
      System.out.println(line);
    }
  }

  private static void sum(Map<String, Double> into, String pattern, String attribute, String by) {
    for (ObjectName name : query(pattern)) {
      if (!by.equals("topic") && name.getKeyProperty("topic") != null) {
        continue;
      }
      String group = name.getKeyProperty(by);
      if (group == null) {
        continue;
      }
      double v = read(name, attribute);
      if (!Double.isNaN(v)) {
        String metric = name.getKeyProperty("name") != null ? name.getKeyProperty("name") : name.getKeyProperty("type");
        into.merge(name.getDomain() + " " + metric + "/" + attribute + " " + by + "=" + group,
            v, Double::sum);
      }
    }
  }

  private static Set<ObjectName> query(String pattern) {
    try {
      return JMX.queryNames(new ObjectName(pattern), null);
    } catch (Exception e) {
      throw new IllegalStateException(pattern, e);
    }
  }

  private static double read(ObjectName name, String attribute) {
    try {
      Object v = JMX.getAttribute(name, attribute);
      return v instanceof Number n ? n.doubleValue() : Double.NaN;
    } catch (Exception e) {
      return Double.NaN;
    }
  }
}
