package io.newsflow.model.json;

/** A record value that is not a valid event of the expected type: never retryable, dead-letter it. */
public class EventDecodingException extends RuntimeException {

  private final Class<?> eventType;

  public EventDecodingException(Class<?> eventType, String reason, Throwable cause) {
    super("cannot decode " + eventType.getSimpleName() + ": " + reason, cause);
    this.eventType = eventType;
  }

  public Class<?> eventType() {
    return eventType;
  }
}
