package io.newsflow.store.api;

/** The requested resource does not exist; answered with a 404 problem. */
public class NotFoundException extends RuntimeException {

  private final String resource;
  private final String id;

  public NotFoundException(String resource, String id) {
    super(resource + " not found: " + id);
    this.resource = resource;
    this.id = id;
  }

  public String resource() {
    return resource;
  }

  public String id() {
    return id;
  }
}
