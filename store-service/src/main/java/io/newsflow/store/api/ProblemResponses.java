package io.newsflow.store.api;

import com.mongodb.MongoException;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Every error of the internal API as an RFC 9457 problem. */
@RestControllerAdvice
public class ProblemResponses {

  private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);

  @ExceptionHandler(InvalidParameterException.class)
  ProblemDetail invalid(InvalidParameterException e) {
    ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    p.setType(URI.create("https://newsflow.io/problems/invalid-parameter"));
    p.setTitle("Invalid parameter");
    p.setProperty("parameter", e.parameter());
    return p;
  }

  @ExceptionHandler(NotFoundException.class)
  ProblemDetail notFound(NotFoundException e) {
    ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    p.setType(URI.create("https://newsflow.io/problems/not-found"));
    p.setTitle("Not found");
    p.setProperty("resource", e.resource());
    p.setProperty("id", e.id());
    return p;
  }

  @ExceptionHandler(MongoException.class)
  ProblemDetail unavailable(MongoException e) {
    log.warn("query failed on MongoDB: {}", e.getMessage());
    ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, "database unavailable");
    p.setType(URI.create("https://newsflow.io/problems/store-unavailable"));
    p.setTitle("Store unavailable");
    return p;
  }
}
