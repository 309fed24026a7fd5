package io.newsflow.store.api;

/** A query parameter the caller got wrong; answered with a 400 problem naming it. */
public class InvalidParameterException extends RuntimeException {

  private final String parameter;
  private final String value;

  public InvalidParameterException(String parameter, String value, String reason) {
    super("invalid parameter " + parameter + "='" + value + "': " + reason);
    this.parameter = parameter;
    this.value = value;
  }

  public String parameter() {
    return parameter;
  }

  public String value() {
    return value;
  }
}
