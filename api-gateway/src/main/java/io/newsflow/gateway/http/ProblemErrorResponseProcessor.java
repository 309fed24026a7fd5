package io.newsflow.gateway.http;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Makes Micronaut's own errors (unknown route, wrong method, unreadable body, unsatisfied or
 * unconvertible parameter) RFC 9457 problems like the gateway's, so clients parse one error shape.
 */
@Singleton
@Replaces(ErrorResponseProcessor.class)
final class ProblemErrorResponseProcessor implements ErrorResponseProcessor<byte[]> {

  @Override
  public MutableHttpResponse<byte[]> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
    HttpStatus status = response.getStatus();
    String detail = context.getErrors().stream().map(Error::getMessage).collect(Collectors.joining("; "));
    List<Map<String, String>> invalid = context.getErrors().stream()
        .filter(e -> e.getPath().isPresent())
        .map(e -> Map.of("name", e.getPath().get(), "reason", e.getMessage()))
        .toList();
    Problem problem = new Problem("about:blank", status.getReason(), status.getCode(),
        detail.isEmpty() ? status.getReason() : detail,
        invalid.isEmpty() ? Map.of() : Map.of("invalidParams", invalid));
    return response.contentType(Problem.PROBLEM_JSON).body(problem.toBytes());
  }
}
