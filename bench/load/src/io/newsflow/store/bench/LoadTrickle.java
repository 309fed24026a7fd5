package io.newsflow.store.bench;

import io.newsflow.model.article.EnrichedArticle;
import io.newsflow.model.json.EventJson;
import io.newsflow.model.topic.Topics;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * New articles during the gateway load test: publishes enriched articles at a steady rate on the
 * enriched topic, continuing the seeded stream (article N onwards, so each is newer than everything
 * stored and lands at the top of the timelines readers hold). store-service consumes and writes them;
 * the gateway reads them as change signals. Without it the read cache would never see a change and the
 * load test would measure a frozen store.
 *
 * <pre>java -cp ... io.newsflow.store.bench.LoadTrickle BOOTSTRAP PER_SECOND FIRST_ARTICLE SEEDED DAYS LIFETIME_S</pre>
 */
public final class LoadTrickle {

  public static void main(String[] args) throws Exception {
    String bootstrap = args[0];
    double perSecond = Double.parseDouble(args[1]);
    int first = Integer.parseInt(args[2]);
    int seeded = Integer.parseInt(args[3]);
    int days = Integer.parseInt(args[4]);
    long lifetimeNanos = Long.parseLong(args[5]) * 1_000_000_000L;
    // the seeder's generator and step, so article N follows the seeded ones in time
    SyntheticCorpus corpus = new SyntheticCorpus(42, StoreBenchmark.START, Duration.ofDays(days), seeded).skipTo(first);
    Properties config = new Properties();
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    long interval = (long) (1e9 / perSecond);
    long t0 = System.nanoTime();
    int sent = 0;
    try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
      while (System.nanoTime() - t0 < lifetimeNanos) {
        EnrichedArticle article = corpus.next();
        producer.send(new ProducerRecord<>(Topics.ENRICHED_ARTICLES.name(), article.articleId(), EventJson.toBytes(article))).get();
        sent++;
        if (sent % 60 == 0) {
          System.out.printf("published %d articles in %.0f s%n", sent, (System.nanoTime() - t0) / 1e9);
        }
        long wait = t0 + sent * interval - System.nanoTime();
        if (wait > 0) {
          Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
      }
    }
  }
}
