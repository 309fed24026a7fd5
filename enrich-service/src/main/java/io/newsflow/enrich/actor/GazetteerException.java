package io.newsflow.enrich.actor;

/** The gazetteer data is missing or invalid; carries the resource and the entry at fault. */
public final class GazetteerException extends RuntimeException {

  private final String resource;
  private final String entryId;

  public GazetteerException(String resource, String entryId, String problem, Throwable cause) {
    super("gazetteer invalid: resource=" + resource + " entry=" + entryId + ": " + problem, cause);
    this.resource = resource;
    this.entryId = entryId;
  }

  public String resource() {
    return resource;
  }

  public String entryId() {
    return entryId;
  }
}
