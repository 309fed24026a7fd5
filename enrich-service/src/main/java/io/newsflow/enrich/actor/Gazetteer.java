package io.newsflow.enrich.actor;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.newsflow.enrich.tagging.text.TextFolder;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The actor gazetteer: versioned JSON files under {@code gazetteer/} on the classpath
 * ({@code index.json} names the version and the files; {@code gazetteer.schema.json} describes them).
 * Loading validates every entry, so a bad edit fails at start-up with the entry named, not at tag time.
 */
public final class Gazetteer {

  public static final String INDEX = "gazetteer/index.json";
  static final Set<String> TYPES =
      Set.of("STATE", "PERSON", "ORGANISATION", "ALLIANCE", "MILITARY", "MINISTRY", "GOVERNMENT", "COMPANY", "PROJECT");
  private static final Pattern STATE_ID = Pattern.compile("[A-Z]{3}");
  private static final Pattern OTHER_ID = Pattern.compile("(person|org|mil|gov|co|proj)\\.[a-z0-9-]+");
  private static final Pattern WIKIDATA = Pattern.compile("Q[1-9][0-9]*");

  record Index(String version, List<String> files) {}

  record GazetteerFile(List<Actor> actors, List<String> stopPhrases) {}

  private final String version;
  private final Map<String, Actor> actors;
  private final List<String> stopPhrases;

  Gazetteer(String version, Map<String, Actor> actors, List<String> stopPhrases) {
    this.version = version;
    this.actors = actors;
    this.stopPhrases = stopPhrases;
  }

  public static Gazetteer loadDefault() {
    return load(INDEX);
  }

  /** Loads the index at {@code indexResource}; its files are resolved beside it. */
  static Gazetteer load(String indexResource) {
    String dir = indexResource.substring(0, indexResource.lastIndexOf('/') + 1);
    ObjectMapper json = JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .addModule(new JavaTimeModule()).build();
    Index index = read(json, indexResource, Index.class);
    if (index.version() == null || index.files() == null || index.files().isEmpty()) {
      throw new GazetteerException(indexResource, "-", "needs a version and at least one file", null);
    }
    Map<String, Actor> actors = new LinkedHashMap<>();
    List<String> stops = new ArrayList<>();
    for (String file : index.files()) {
      String resource = dir + file;
      GazetteerFile data = read(json, resource, GazetteerFile.class);
      for (Actor actor : data.actors() == null ? List.<Actor>of() : data.actors()) {
        validate(resource, actor);
        if (actors.putIfAbsent(actor.id(), actor) != null) {
          throw new GazetteerException(resource, actor.id(), "duplicate id", null);
        }
      }
      if (data.stopPhrases() != null) {
        stops.addAll(data.stopPhrases());
      }
    }
    checkPhrasesAreUnique(indexResource, actors);
    return new Gazetteer(index.version(), Map.copyOf(actors), List.copyOf(stops));
  }

  public String version() {
    return version;
  }

  public Map<String, Actor> actors() {
    return actors;
  }

  /** Phrases that contain an alias but mean something else ("Xi'an", "New Mexico"): they hide the alias. */
  public List<String> stopPhrases() {
    return stopPhrases;
  }

  private static <T> T read(ObjectMapper json, String resource, Class<T> type) {
    try (InputStream in = Gazetteer.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new GazetteerException(resource, "-", "resource not on the classpath", null);
      }
      return json.readValue(in, type);
    } catch (IOException e) {
      throw new GazetteerException(resource, "-", e.getMessage(), e);
    }
  }

  private static void validate(String resource, Actor a) {
    if (!TYPES.contains(a.type())) {
      throw new GazetteerException(resource, a.id(), "unknown type " + a.type(), null);
    }
    boolean state = "STATE".equals(a.type());
    if (!(state ? STATE_ID : OTHER_ID).matcher(a.id()).matches()) {
      throw new GazetteerException(resource, a.id(), "id does not fit type " + a.type(), null);
    }
    if (state && (a.cameo() == null || a.cameo().isBlank())) {
      throw new GazetteerException(resource, a.id(), "a state needs a CAMEO code", null);
    }
    // null is allowed: an id nobody has checked is worse than none (the loader test reports coverage)
    if (a.wikidata() != null && !WIKIDATA.matcher(a.wikidata()).matches()) {
      throw new GazetteerException(resource, a.id(), "bad Wikidata id " + a.wikidata(), null);
    }
    if (a.name() == null || a.name().isBlank() || (a.aliases().isEmpty() && a.roles().isEmpty())) {
      throw new GazetteerException(resource, a.id(), "needs a name and at least one alias or role", null);
    }
    if (!a.ambiguous().isEmpty() && a.context().isEmpty()) {
      throw new GazetteerException(resource, a.id(), "ambiguous names need context phrases", null);
    }
  }

  /** One phrase naming two actors would force a guess; the data must not ask for one. */
  private static void checkPhrasesAreUnique(String indexResource, Map<String, Actor> actors) {
    Map<String, String> owner = new HashMap<>();
    for (Actor a : actors.values()) {
      List<String> names = new ArrayList<>(a.aliases());
      names.addAll(a.adjectival());
      names.addAll(a.ambiguous());
      for (String name : names) {
        String previous = owner.putIfAbsent(TextFolder.fold(name), a.id());
        if (previous != null && !previous.equals(a.id())) {
          throw new GazetteerException(indexResource, a.id(), "phrase '" + name + "' also names " + previous, null);
        }
      }
    }
  }
}
