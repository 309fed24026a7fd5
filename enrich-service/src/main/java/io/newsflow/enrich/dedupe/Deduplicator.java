package io.newsflow.enrich.dedupe;

import io.newsflow.model.article.Dedupe;
import io.newsflow.model.article.DedupeVerdict;
import io.newsflow.model.article.RawArticle;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The dedupe stage: decides NEW, DUPLICATE (of which article, how similar) or UPDATE for each raw
 * article, in layers: same id, same exact text, near copy by MinHash-LSH, and otherwise a story by
 * time, actors and keywords. Thread-safe; one per service.
 */
public final class Deduplicator {

  private final DedupeSettings settings;
  private final String instanceId;
  private final SignatureSink sink;
  private final DedupeIndex index;
  private final StoryClusterer stories;

  public Deduplicator(DedupeSettings settings, String instanceId, SignatureSink sink) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.instanceId = Objects.requireNonNull(instanceId, "instanceId");
    this.sink = Objects.requireNonNull(sink, "sink");
    this.index = new DedupeIndex(settings.capacity(), settings.window());
    this.stories = new StoryClusterer(settings.storyWindow());
  }

  /**
   * Whether this record repeats an article already published with the same content (a second feed
   * with the same URL, or ingest publishing it again) and so must not be published again. A
   * redelivery of the very record the article was first enriched from is not a replay: its
   * publication may not have completed.
   */
  public synchronized boolean isReplay(String articleId, String contentHash, String origin) {
    DedupeEntry known = index.byArticleId(articleId);
    return known != null && known.contentHash().equals(contentHash) && !Objects.equals(origin, known.origin());
  }

  /**
   * The verdict on {@code raw}, remembered and published to the sink; empty when the article is a replay.
   *
   * @param origin        the raw record's position ({@code topic-partition@offset}), null if not from Kafka
   * @param salientActors the article's most salient actor ids, for story grouping
   */
  public Optional<Dedupe> decide(RawArticle raw, ContentFingerprint fingerprint, String origin,
      List<String> salientActors) {
    return decideAndRecord(raw, fingerprint, origin, salientActors).map(Decision::dedupe);
  }

  /**
   * A verdict and the write of its signature.
   *
   * @param signatureWritten completes when the sink has stored the entry behind the verdict
   */
  public record Decision(Dedupe dedupe, CompletableFuture<?> signatureWritten) {}

  /**
   * {@link #decide}, also returning when the signature is stored. The signature is serialised and
   * sent outside the index lock, so consumer threads wait on each other only for the verdict itself.
   */
  public Optional<Decision> decideAndRecord(RawArticle raw, ContentFingerprint fingerprint, String origin,
      List<String> salientActors) {
    DedupeEntry entry = decideUnderLock(raw, fingerprint, origin, salientActors);
    return entry == null ? Optional.empty() : Optional.of(new Decision(toDedupe(entry), sink.write(entry)));
  }

  /**
   * The entry behind the verdict, or null for a replay. A redelivery of the record an entry was made
   * from gives that entry again, and it is written again: its first write may be what failed.
   */
  private synchronized DedupeEntry decideUnderLock(RawArticle raw, ContentFingerprint fingerprint, String origin,
      List<String> salientActors) {
    DedupeEntry known = index.byArticleId(raw.articleId());
    if (known != null && known.contentHash().equals(fingerprint.contentHash())) {
      return Objects.equals(origin, known.origin()) ? known : null;
    }
    Instant eventTime = raw.publishedAt() != null ? raw.publishedAt() : raw.fetchedAt();
    long[] keywords = StoryKeywords.of(raw.title(), raw.text());
    DedupeVerdict verdict;
    String duplicateOf = null;
    double similarity = 0;
    String storyId;
    DedupeEntry original;
    if (known != null) {
      verdict = DedupeVerdict.UPDATE;
      storyId = known.storyId();
    } else if ((original = index.byContentHash(fingerprint.contentHash())) != null) {
      verdict = DedupeVerdict.DUPLICATE;
      duplicateOf = original.rootId();
      similarity = 1;
      storyId = original.storyId();
    } else if ((original = nearCopy(fingerprint, raw.articleId())) != null) {
      verdict = DedupeVerdict.DUPLICATE;
      duplicateOf = original.rootId();
      similarity = NearDuplicateRule.similarity(fingerprint, original.fingerprint());
      storyId = original.storyId();
    } else {
      verdict = DedupeVerdict.NEW;
      storyId = stories.assign(raw.articleId(), eventTime, salientActors, keywords);
    }
    if (verdict != DedupeVerdict.NEW) {
      stories.observe(storyId, eventTime, salientActors, keywords);
    }
    DedupeEntry entry = new DedupeEntry(raw.articleId(), fingerprint.contentHash(), fingerprint.minHash(),
        fingerprint.shingleCount(), verdict, duplicateOf, similarity, storyId, eventTime, origin, instanceId,
        salientActors, keywords);
    index.put(entry);
    return entry;
  }

  /** This instance's name in the entries it writes. */
  public String instanceId() {
    return instanceId;
  }

  /** Learns an entry written by another instance, or by an earlier run of this service. */
  public synchronized void observe(DedupeEntry entry) {
    if (instanceId.equals(entry.instanceId())) {
      return;
    }
    index.put(entry);
    stories.observe(entry.storyId(), entry.eventTime(), entry.storyActors(), entry.storyKeywords());
  }

  /** How near a copy {@code a} is of {@code b}, as this service judges it; for reports and tests. */
  public double similarity(ContentFingerprint a, ContentFingerprint b) {
    return NearDuplicateRule.similarity(a, b);
  }

  public boolean isNearDuplicate(ContentFingerprint a, ContentFingerprint b) {
    return similarity(a, b) >= settings.nearDuplicateThreshold();
  }

  public synchronized int size() {
    return index.size();
  }

  private DedupeEntry nearCopy(ContentFingerprint fingerprint, String articleId) {
    if (!fingerprint.isLongEnoughForNearDuplicate()) {
      return null;
    }
    DedupeEntry candidate = index.mostSimilar(fingerprint, articleId);
    if (candidate == null) {
      return null;
    }
    return NearDuplicateRule.similarity(fingerprint, candidate.fingerprint()) >= settings.nearDuplicateThreshold()
        ? candidate : null;
  }

  private static Dedupe toDedupe(DedupeEntry e) {
    return new Dedupe(e.verdict(), e.duplicateOf(), e.similarity(), e.storyId(), e.contentHash());
  }
}
