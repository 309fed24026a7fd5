package io.newsflow.gateway.security;

/** What an API key may do. An operator may also do everything a reader may. */
public enum Role {
  READER,
  OPERATOR;

  public boolean allows(Role required) {
    return this == OPERATOR || required == READER;
  }
}
