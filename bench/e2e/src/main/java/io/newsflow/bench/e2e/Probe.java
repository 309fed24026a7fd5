package io.newsflow.bench.e2e;

import io.newsflow.model.article.EnrichedArticle;
import io.newsflow.model.json.EventJson;
import io.newsflow.model.topic.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Watches the pipeline from outside, through Kafka only: every {@code sampleMillis} the end offsets of
 * the raw and enriched topics (published by ingest and by enrich) and the committed offsets of
 * store-service's consumer group, which it commits only after MongoDB acknowledged the batch; and a
 * reader of the enriched topic that maps each record's partition and offset to the corpus article in
 * its URL. An article counts as stored (queryable) at the first sample in which store's committed
 * offset on its partition has passed the article's offset.
 */
final class Probe implements AutoCloseable {

  /** One look at the topics: totals, and store's committed offset per enriched partition. */
  record Sample(long atMillis, long raw, long enriched, long enrichCommitted, long stored, Map<Integer, Long> storedByPartition) {}

  /** What the harness read about one article from the enriched topic. */
  record Seen(int partition, long offset, long fetchedAtMillis, long enrichedAtMillis, String articleId, String verdict) {}

  private final Admin admin;
  private final KafkaConsumer<String, byte[]> reader;
  private final long sampleMillis;
  final List<Sample> samples = new CopyOnWriteArrayList<>();
  final Map<Integer, Seen> seen = new ConcurrentHashMap<>();
  volatile long duplicateDeliveries;
  volatile long sampleFailures;
  volatile String lastSampleFailure = "";
  volatile long unreadable;
  /**
   * Tags enrich gave the originals read (first deliveries, duplicates left out: the store files no refs for them):
   * what the store's work per article follows, so a report shows how dense its corpus was as enrich saw it.
   */
  final LongAdder originals = new LongAdder();
  final LongAdder actorTags = new LongAdder();
  final LongAdder themeTags = new LongAdder();
  final LongAdder datedEvents = new LongAdder();
  private volatile boolean running = true;
  private final Thread sampler;
  private final Thread readerThread;

  Probe(String bootstrap, long sampleMillis) {
    Properties a = new Properties();
    a.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    admin = Admin.create(a);
    Properties c = new Properties();
    c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    c.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    c.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    c.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "1000");
    reader = new KafkaConsumer<>(c);
    this.sampleMillis = sampleMillis;
    sampler = Thread.ofPlatform().daemon().name("probe-sampler").start(this::sampleLoop);
    readerThread = Thread.ofPlatform().daemon().name("probe-reader").start(this::readLoop);
  }

  Sample latest() {
    return samples.isEmpty() ? new Sample(System.currentTimeMillis(), 0, 0, 0, 0, Map.of()) : samples.get(samples.size() - 1);
  }

  private void sampleLoop() {
    while (running) {
      long started = System.currentTimeMillis();
      try {
        Map<TopicPartition, Long> raw = endOffsets(Topics.RAW_ARTICLES.name());
        Map<TopicPartition, Long> enriched = endOffsets(Topics.ENRICHED_ARTICLES.name());
        Map<Integer, Long> storedBy = new HashMap<>();
        long stored = 0;
        for (var e : committed(Stack.STORE_GROUP, Topics.ENRICHED_ARTICLES.name()).entrySet()) {
          storedBy.put(e.getKey().partition(), e.getValue());
          stored += e.getValue();
        }
        long enrichCommitted = committed(Stack.ENRICH_GROUP, Topics.RAW_ARTICLES.name()).values().stream().mapToLong(Long::longValue).sum();
        samples.add(new Sample(started, sum(raw.values()), sum(enriched.values()), enrichCommitted, stored, storedBy));
      } catch (Exception e) {
        // topics or groups not there yet, or the broker slow to answer: the next sample tries again; counted, because
        // while samples fail the figures stand still, which must not be read as the pipeline standing still
        sampleFailures++;
        lastSampleFailure = e.toString();
      }
      sleepUntil(started + sampleMillis);
    }
  }

  Map<TopicPartition, Long> endOffsets(String topic) throws Exception {
    var description = admin.describeTopics(List.of(topic)).allTopicNames().get(5, TimeUnit.SECONDS).get(topic);
    Map<TopicPartition, OffsetSpec> request = new HashMap<>();
    description.partitions().forEach(p -> request.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
    Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> result = admin.listOffsets(request).all().get(5, TimeUnit.SECONDS);
    Map<TopicPartition, Long> out = new HashMap<>();
    result.forEach((tp, info) -> out.put(tp, info.offset()));
    return out;
  }

  private Map<TopicPartition, Long> committed(String group, String topic) throws Exception {
    return committed(group, topic, 5);
  }

  private Map<TopicPartition, Long> committed(String group, String topic, int timeoutSeconds) throws Exception {
    Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata()
        .get(timeoutSeconds, TimeUnit.SECONDS);
    Map<TopicPartition, Long> out = new HashMap<>();
    offsets.forEach((tp, om) -> {
      if (tp.topic().equals(topic) && om != null) {
        out.put(tp, om.offset());
      }
    });
    return out;
  }

  /** Store's committed offsets summed over the enriched topic's partitions, read now with a long timeout (-1: failed). */
  long storedNow() {
    try {
      return sum(committed(Stack.STORE_GROUP, Topics.ENRICHED_ARTICLES.name(), 30).values());
    } catch (Exception e) {
      return -1;
    }
  }

  /** Total records in a topic (0 when it does not exist). */
  long total(String topic) {
    try {
      return sum(endOffsets(topic).values());
    } catch (Exception e) {
      return 0;
    }
  }

  private void readLoop() {
    String topic = Topics.ENRICHED_ARTICLES.name();
    while (running) {
      try {
        var partitions = admin.describeTopics(List.of(topic)).allTopicNames().get(5, TimeUnit.SECONDS).get(topic).partitions();
        List<TopicPartition> tps = new ArrayList<>();
        partitions.forEach(p -> tps.add(new TopicPartition(topic, p.partition())));
        reader.assign(tps);
        reader.seekToBeginning(tps);
        break;
      } catch (Exception notYet) {
        sleepUntil(System.currentTimeMillis() + 500);
      }
    }
    while (running) {
      for (ConsumerRecord<String, byte[]> r : reader.poll(Duration.ofMillis(200))) {
        try {
          EnrichedArticle e = EventJson.fromBytes(r.value(), EnrichedArticle.class);
          int index = Corpus.indexOfUrl(e.article().url());
          Seen s = new Seen(r.partition(), r.offset(), e.article().fetchedAt().toEpochMilli(), r.timestamp(), e.articleId(),
              e.dedupe() == null || e.dedupe().verdict() == null ? "?" : e.dedupe().verdict().name());
          if (index < 0) {
            unreadable++;
          } else if (seen.putIfAbsent(index, s) != null) {
            duplicateDeliveries++;
          } else if (e.dedupe() != null && !e.dedupe().isDuplicate()) {
            originals.increment();
            actorTags.add(e.actors().size());
            themeTags.add(e.themes().size());
            datedEvents.add(e.events().size());
          }
        } catch (RuntimeException bad) {
          unreadable++;
        }
      }
    }
  }

  /** When store's committed offset on the article's partition first passed it (epoch millis), or -1. */
  long storedAt(Seen s) {
    // samples are in time order and committed offsets only grow: binary search for the first that passed
    int lo = 0;
    int hi = samples.size() - 1;
    long found = -1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      Sample sample = samples.get(mid);
      if (sample.storedByPartition().getOrDefault(s.partition(), 0L) > s.offset()) {
        found = sample.atMillis();
        hi = mid - 1;
      } else {
        lo = mid + 1;
      }
    }
    return found;
  }

  /** Articles of {@code indices} that are known stored by now. */
  int storedCount(int fromIndex, int toIndex) {
    Sample last = latest();
    int n = 0;
    for (int i = fromIndex; i < toIndex; i++) {
      Seen s = seen.get(i);
      if (s != null && last.storedByPartition().getOrDefault(s.partition(), 0L) > s.offset()) {
        n++;
      }
    }
    return n;
  }

  private static long sum(Collection<Long> values) {
    return values.stream().mapToLong(Long::longValue).sum();
  }

  private static void sleepUntil(long millis) {
    long wait = millis - System.currentTimeMillis();
    if (wait > 0) {
      try {
        Thread.sleep(wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    sampler.join(5_000);
    readerThread.join(5_000);
    reader.close(Duration.ofSeconds(2));
    admin.close(Duration.ofSeconds(2));
  }
}
