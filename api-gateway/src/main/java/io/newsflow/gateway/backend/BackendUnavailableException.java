package io.newsflow.gateway.backend;

import java.net.URI;

/** A back-end could not be reached or did not answer in time; the gateway answers 503. */
public final class BackendUnavailableException extends RuntimeException {

  private final Backend backend;
  private final URI uri;

  public BackendUnavailableException(Backend backend, URI uri, Throwable cause) {
    super(backend.serviceName() + " unavailable: " + describe(cause) + " uri=" + uri, cause);
    this.backend = backend;
    this.uri = uri;
  }

  public Backend backend() {
    return backend;
  }

  public URI uri() {
    return uri;
  }

  private static String describe(Throwable cause) {
    return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : " " + cause.getMessage());
  }
}
