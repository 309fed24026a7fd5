package io.newsflow.ingest.http;

import java.net.UnknownHostException;

/**
 * A host that resolved only to addresses the guard refuses. It extends {@link UnknownHostException}
 * because that is what a DNS resolver may throw, so the HTTP client aborts before connecting.
 */
public class BlockedAddressException extends UnknownHostException {

  private final String host;
  private final String address;

  public BlockedAddressException(String host, String address, String reason) {
    super("blocked: " + host + " resolves to " + address + " (" + reason + ")");
    this.host = host;
    this.address = address;
  }

  public String host() {
    return host;
  }

  public String address() {
    return address;
  }
}
