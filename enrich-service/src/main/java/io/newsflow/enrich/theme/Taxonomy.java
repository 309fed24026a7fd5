package io.newsflow.enrich.theme;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The versioned theme taxonomy, {@code taxonomy/themes.json} on the classpath (schema beside it).
 *
 * @param version          written on every theme tag, so a re-tagged history says which taxonomy it used
 * @param defaultThreshold threshold of themes that do not set their own
 * @param relativeThreshold share of the article's top theme score a theme must also reach (0 or absent: none);
 *                         a short article's side mentions can pass an absolute threshold, not this one
 * @param themes           the themes
 */
public record Taxonomy(String version, double defaultThreshold, Double relativeThreshold, List<Theme> themes) {

  public static final String RESOURCE = "taxonomy/themes.json";
  private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]*");

  public Taxonomy {
    themes = themes == null ? List.of() : List.copyOf(themes);
    relativeThreshold = relativeThreshold == null ? 0.0 : relativeThreshold;
  }

  /** A taxonomy with absolute thresholds only. */
  public Taxonomy(String version, double defaultThreshold, List<Theme> themes) {
    this(version, defaultThreshold, 0.0, themes);
  }

  public static Taxonomy loadDefault() {
    ObjectMapper json = JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    Taxonomy taxonomy;
    try (InputStream in = Taxonomy.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new TaxonomyException("-", RESOURCE + " is not on the classpath", null);
      }
      taxonomy = json.readValue(in, Taxonomy.class);
    } catch (IOException e) {
      throw new TaxonomyException("-", e.getMessage(), e);
    }
    taxonomy.validate();
    return taxonomy;
  }

  public double thresholdOf(Theme theme) {
    return theme.threshold() == null ? defaultThreshold : theme.threshold();
  }

  void validate() {
    if (version == null || version.isBlank() || defaultThreshold <= 0) {
      throw new TaxonomyException("-", "needs a version and a positive default threshold", null);
    }
    if (relativeThreshold < 0 || relativeThreshold >= 1) {
      throw new TaxonomyException("-", "relativeThreshold must be at least 0 and below 1", null);
    }
    Set<String> ids = new HashSet<>();
    for (Theme t : themes) {
      if (!ID.matcher(t.id()).matches() || !ids.add(t.id())) {
        throw new TaxonomyException(t.id(), "id is malformed or repeated", null);
      }
      if (t.label() == null || t.label().isBlank() || t.evidence().isEmpty()) {
        throw new TaxonomyException(t.id(), "needs a label and evidence phrases", null);
      }
      for (Map<String, Double> phrases : List.of(t.evidence(), t.negative())) {
        for (Map.Entry<String, Double> e : phrases.entrySet()) {
          if (e.getKey().isBlank() || e.getValue() == null || e.getValue() <= 0) {
            throw new TaxonomyException(t.id(), "phrase '" + e.getKey() + "' needs a positive weight", null);
          }
        }
      }
    }
  }
}
