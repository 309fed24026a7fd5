package io.newsflow.ingest.feed;

import io.newsflow.ingest.config.IngestProperties;
import io.newsflow.ingest.extract.ArticleExtractor;
import io.newsflow.ingest.http.SafeHttpClient;
import io.newsflow.ingest.kafka.FeedOwnership;
import io.newsflow.ingest.kafka.RecordSender;
import io.newsflow.ingest.kafka.TopicFollower;
import io.newsflow.ingest.publish.RawArticlePublisher;
import java.time.Clock;
import java.util.random.RandomGenerator;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import io.newsflow.model.topic.Topics;

/** Wires the feed stage: registry and cursors from their topics, the poller and the scheduler. */
@Configuration(proxyBeanMethods = false)
class FeedConfiguration {

  @Bean
  FeedRegistry feedRegistry(RecordSender sender, Clock clock) {
    return new FeedRegistry(sender, clock);
  }

  @Bean
  CursorStore cursorStore(RecordSender sender, IngestProperties props) {
    return new CursorStore(sender, props.kafka().cursorsTopic(), props.kafka().healthPersistInterval());
  }

  @Bean(destroyMethod = "close")
  FeedStateFollowers feedStateFollowers(FeedRegistry registry, CursorStore cursors,
      @Value("${spring.kafka.bootstrap-servers}") String bootstrap) {
    return new FeedStateFollowers(
        new TopicFollower(Topics.FEEDS.name(), bootstrap, registry::apply),
        new TopicFollower(cursors.topic(), bootstrap, cursors::apply));
  }

  @Bean(destroyMethod = "close")
  FeedOwnership feedOwnership(IngestProperties props, @Value("${spring.kafka.bootstrap-servers}") String bootstrap) {
    return new FeedOwnership(bootstrap, props.kafka().ownershipGroup(), props.kafka().sessionTimeout());
  }

  @Bean
  FeedParser feedParser(Clock clock) {
    return new FeedParser(clock);
  }

  @Bean
  ArticleExtractor articleExtractor() {
    return new ArticleExtractor();
  }

  @Bean
  FeedPoller feedPoller(SafeHttpClient http, FeedParser parser, ArticleExtractor extractor, RawArticlePublisher publisher,
      CursorStore cursors, IngestProperties props, Clock clock) {
    ArticleAssembler assembler = new ArticleAssembler(http, extractor, props.schedule().summaryTextThreshold());
    return new FeedPoller(http, parser, new ItemChangeDetector(assembler, clock), publisher, cursors,
        new PollScheduling(props.schedule(), RandomGenerator.getDefault()), clock, props.schedule().maxItemsRemembered());
  }

  @Bean(destroyMethod = "close")
  FeedScheduler feedScheduler(FeedRegistry registry, CursorStore cursors, FeedOwnership ownership, FeedPoller poller,
      FeedStateFollowers followers, IngestProperties props, Clock clock) {
    return new FeedScheduler(registry, cursors, ownership, poller, clock, props.schedule().tick(), followers::isLoaded);
  }

  @Bean
  FeedService feedService(FeedRegistry registry, FeedScheduler scheduler, CursorStore cursors, SafeHttpClient http, FeedParser parser) {
    return new FeedService(registry, scheduler, cursors, http, parser);
  }

  @Bean
  FeedLifecycle feedLifecycle(FeedStateFollowers followers, FeedOwnership ownership, FeedScheduler scheduler) {
    return new FeedLifecycle(followers, ownership, scheduler);
  }
}
