package io.newsflow.gateway.backend;

import io.micronaut.core.annotation.Nullable;

/** What a back-end answered, body kept as bytes so the gateway passes JSON on without re-encoding it. */
public record BackendResponse(Backend backend, int status, @Nullable String contentType, byte[] body) {

  public boolean isSuccess() {
    return status >= 200 && status < 300;
  }
}
