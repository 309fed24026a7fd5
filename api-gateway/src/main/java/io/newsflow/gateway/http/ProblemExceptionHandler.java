package io.newsflow.gateway.http;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** Turns a {@link ProblemException} from anywhere in the gateway into its problem response. */
@Singleton
final class ProblemExceptionHandler implements ExceptionHandler<ProblemException, HttpResponse<?>> {

  @Override
  public HttpResponse<?> handle(HttpRequest request, ProblemException exception) {
    return exception.problem().toResponse();
  }
}
