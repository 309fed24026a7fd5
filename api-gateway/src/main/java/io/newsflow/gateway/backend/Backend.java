package io.newsflow.gateway.backend;

/** The internal services behind the gateway (contracts in docs/internal-http-api.md). */
public enum Backend {
  STORE("store-service"),
  INGEST("ingest-service");

  private final String serviceName;

  Backend(String serviceName) {
    this.serviceName = serviceName;
  }

  public String serviceName() {
    return serviceName;
  }
}
