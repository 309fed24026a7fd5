package io.newsflow.enrich.theme;

/** The taxonomy data is missing or invalid; carries the theme at fault. */
public final class TaxonomyException extends RuntimeException {

  private final String themeId;

  public TaxonomyException(String themeId, String problem, Throwable cause) {
    super("taxonomy invalid: theme=" + themeId + ": " + problem, cause);
    this.themeId = themeId;
  }

  public String themeId() {
    return themeId;
  }
}
