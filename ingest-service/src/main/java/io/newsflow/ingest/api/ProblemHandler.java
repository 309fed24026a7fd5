package io.newsflow.ingest.api;

import io.newsflow.ingest.feed.FeedNotFoundException;
import io.newsflow.ingest.feed.FeedNotOwnedException;
import io.newsflow.ingest.feed.InvalidFeedException;
import io.newsflow.ingest.kafka.RecordSender;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Maps the feed stage's exceptions to RFC 9457 problem details. */
@RestControllerAdvice
class ProblemHandler {

  @ExceptionHandler(FeedNotFoundException.class)
  ProblemDetail notFound(FeedNotFoundException e) {
    ProblemDetail p = problem(HttpStatus.NOT_FOUND, "feed-not-found", "Feed not found", e.getMessage());
    p.setProperty("feedId", e.feedId());
    return p;
  }

  @ExceptionHandler(FeedNotOwnedException.class)
  ProblemDetail notOwned(FeedNotOwnedException e) {
    ProblemDetail p = problem(HttpStatus.CONFLICT, "feed-not-owned", "Feed polled by another instance", e.getMessage());
    p.setProperty("feedId", e.feedId());
    p.setProperty("partition", e.partition());
    return p;
  }

  @ExceptionHandler(InvalidFeedException.class)
  ProblemDetail invalid(InvalidFeedException e) {
    ProblemDetail p = problem(HttpStatus.BAD_REQUEST, "feed-refused", "Feed refused", e.getMessage());
    p.setProperty("category", e.category());
    p.setProperty("url", e.url());
    return p;
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ProblemDetail unreadable(HttpMessageNotReadableException e) {
    ProblemDetail p = problem(HttpStatus.BAD_REQUEST, "invalid-body", "Invalid request body", "the body is not valid JSON for this endpoint");
    p.setProperty("category", "invalid");
    return p;
  }

  @ExceptionHandler(RecordSender.PublishException.class)
  ProblemDetail unavailable(RecordSender.PublishException e) {
    return problem(HttpStatus.SERVICE_UNAVAILABLE, "broker-unavailable", "Broker unavailable", e.getMessage());
  }

  private static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
    ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
    p.setType(URI.create("https://newsflow.io/problems/" + type));
    p.setTitle(title);
    return p;
  }
}
