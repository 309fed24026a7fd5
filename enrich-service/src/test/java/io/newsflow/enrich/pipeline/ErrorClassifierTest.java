package io.newsflow.enrich.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.enrich.pipeline.ErrorClassifier.Category;
import io.newsflow.model.article.RawArticle;
import io.newsflow.model.json.EventDecodingException;
import org.apache.kafka.common.errors.NotLeaderOrFollowerException;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.listener.ListenerExecutionFailedException;

class ErrorClassifierTest {

  final ErrorClassifier classifier = new ErrorClassifier();

  static RuntimeException wrapped(Throwable cause) {
    return new ListenerExecutionFailedException("listener failed", new RuntimeException("batch failed", cause));
  }

  @Test
  void badInputIsDeadLetteredAtOnceWhereverItSitsInTheChain() {
    Throwable undecodable = wrapped(new EventDecodingException(RawArticle.class, "Unexpected end-of-input", null));
    assertThat(classifier.classify(undecodable)).isEqualTo(Category.UNDECODABLE);
    assertThat(classifier.isRetryable(undecodable)).isFalse();
    assertThat(classifier.reason(undecodable)).isEqualTo("undecodable: cannot decode RawArticle: Unexpected end-of-input");
    assertThat(classifier.exceptionClass(undecodable)).isEqualTo(EventDecodingException.class.getName());

    Throwable invalid = wrapped(new InvalidArticleException("abc", "key", "record key x differs from the article id"));
    assertThat(classifier.classify(invalid)).isEqualTo(Category.INVALID);
    assertThat(classifier.isRetryable(invalid)).isFalse();
    assertThat(classifier.reason(invalid)).startsWith("invalid: invalid raw article: articleId=abc field=key");

    Throwable tooLarge = wrapped(new org.apache.kafka.common.errors.RecordTooLargeException("1.2 MB"));
    assertThat(classifier.classify(tooLarge)).isEqualTo(Category.TOO_LARGE);
    assertThat(classifier.isRetryable(tooLarge)).isFalse();
  }

  @Test
  void brokerTroubleIsRetried() {
    assertThat(classifier.classify(wrapped(new TimeoutException("Expiring 3 record(s)")))).isEqualTo(Category.BROKER_UNAVAILABLE);
    assertThat(classifier.isRetryable(wrapped(new NotLeaderOrFollowerException("moved")))).isTrue();
    assertThat(classifier.isRetryable(new java.util.concurrent.TimeoutException("send not acknowledged"))).isTrue();
  }

  @Test
  void unknownFailuresAreRetriedABoundedNumberOfTimesNotDropped() {
    Throwable bug = wrapped(new IllegalStateException("tagger bug"));
    assertThat(classifier.classify(bug)).isEqualTo(Category.UNEXPECTED);
    assertThat(classifier.isRetryable(bug)).isTrue();
    assertThat(classifier.reason(bug)).isEqualTo("unexpected: tagger bug");
  }
}
