package io.newsflow.gateway.http;

import java.util.List;
import java.util.Map;

/** A request parameter or body member failed validation; answered with 400 before any back-end is called. */
public final class InvalidParameterException extends ProblemException {

  private final String parameter;
  private final String reason;

  public InvalidParameterException(String parameter, String reason) {
    super(new Problem(Problem.TYPE_BASE + "invalid-parameter", "Invalid request parameter", 400,
        parameter + ": " + reason,
        Map.of("invalidParams", List.of(Map.of("name", parameter, "reason", reason)))));
    this.parameter = parameter;
    this.reason = reason;
  }

  public String parameter() {
    return parameter;
  }

  public String reason() {
    return reason;
  }
}
