package io.newsflow.enrich.pipeline;

import io.newsflow.enrich.dedupe.ContentFingerprint;
import io.newsflow.enrich.dedupe.Deduplicator;
import io.newsflow.enrich.tagging.ArticleTagger;
import io.newsflow.enrich.tagging.Tags;
import io.newsflow.model.article.ActorTag;
import io.newsflow.model.article.EnrichedArticle;
import io.newsflow.model.article.RawArticle;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * One raw record in, at most one enriched article out: decode, validate, drop replays, tag, dedupe.
 * Thread-safe; Kafka-free so it is tested and benchmarked without a broker.
 */
public final class EnrichmentPipeline {

  /** Actors that characterise a story: the few most salient, not every passing mention. */
  static final int STORY_ACTORS = 5;
  static final double MIN_STORY_ACTOR_SALIENCE = 0.2;

  private final ArticleTagger tagger;
  private final Deduplicator deduplicator;
  private final Clock clock;

  public EnrichmentPipeline(ArticleTagger tagger, Deduplicator deduplicator, Clock clock) {
    this.tagger = tagger;
    this.deduplicator = deduplicator;
    this.clock = clock;
  }

  /**
   * @param key    the record key
   * @param value  the record value, a {@link RawArticle} as JSON
   * @param origin the record's position ({@code topic-partition@offset}), null when not from Kafka
   * @return the enriched article to publish, or empty when the record repeats one already published
   * @throws io.newsflow.model.json.EventDecodingException when the value is not a raw article
   * @throws InvalidArticleException when it is one that breaks the contract
   */
  public Optional<EnrichedArticle> enrich(String key, byte[] value, String origin) {
    return process(key, value, origin).map(Enriched::article);
  }

  /**
   * An enriched article and the write of its dedupe signature, which must be stored before the raw
   * record counts as done.
   */
  public record Enriched(EnrichedArticle article, CompletableFuture<?> signatureWritten) {}

  /** {@link #enrich}, also returning when the article's dedupe signature is stored. */
  public Optional<Enriched> process(String key, byte[] value, String origin) {
    RawArticle raw = RawArticleReader.fromBytes(value);
    RawArticleValidator.check(key, raw);
    ContentFingerprint fingerprint = ContentFingerprint.of(raw.text(), raw.contentHash());
    // checked before tagging too, so replays cost a hash and not a tagging pass
    if (deduplicator.isReplay(raw.articleId(), fingerprint.contentHash(), origin)) {
      return Optional.empty();
    }
    Tags tags = tagger.tag(raw.title(), raw.text(), raw.publishedAt());
    Optional<Deduplicator.Decision> decision = deduplicator.decideAndRecord(raw, fingerprint, origin, storyActors(tags.actors()));
    return decision.map(d -> new Enriched(new EnrichedArticle(UUID.randomUUID().toString(), EnrichedArticle.SCHEMA_VERSION,
        clock.instant(), raw.articleId(), raw, d.dedupe(), tags.actors(), tags.themes(), tags.events(),
        tags.gazetteerVersion(), tags.taxonomyVersion()), d.signatureWritten()));
  }

  private static List<String> storyActors(List<ActorTag> actors) {
    return actors.stream()
        .filter(a -> a.salience() >= MIN_STORY_ACTOR_SALIENCE)
        .limit(STORY_ACTORS)
        .map(ActorTag::actorId)
        .toList();
  }
}
