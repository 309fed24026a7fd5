package io.newsflow.enrich.actor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.InputStream;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class GazetteerTest {

  private static final Gazetteer GAZETTEER = Gazetteer.loadDefault();

  @Test
  void loadsTheShippedGazetteerWithAVersionAndEveryKindOfActor() {
    assertThat(GAZETTEER.version()).isNotBlank();
    Set<String> types = GAZETTEER.actors().values().stream().map(Actor::type).collect(Collectors.toSet());
    assertThat(types).containsAll(Set.of("STATE", "PERSON", "ORGANISATION", "ALLIANCE", "MILITARY", "MINISTRY",
        "COMPANY", "PROJECT"));
    assertThat(GAZETTEER.actors()).containsKeys("KAZ", "RUS", "CHN", "USA", "KGZ", "UZB", "TJK", "TKM",
        "org.csto", "org.nato", "org.sco", "org.eaeu", "org.cis", "org.un", "org.eu", "org.ots", "org.cica",
        "co.cpc", "proj.bri", "proj.cac-gas-pipeline", "person.tokayev");
    assertThat(GAZETTEER.actors().values().stream().filter(a -> a.type().equals("STATE")).count())
        .isGreaterThanOrEqualTo(60);
  }

  @Test
  void statesCarryAlpha3IdsAndCameoCodes() {
    for (Actor a : GAZETTEER.actors().values()) {
      if (a.type().equals("STATE")) {
        assertThat(a.id()).matches("[A-Z]{3}");
        assertThat(a.cameo()).as(a.id()).isNotBlank();
      }
    }
  }

  @Test
  void holdsTheAliasesRealTextUses() {
    assertThat(GAZETTEER.actors().get("person.tokayev").aliases()).contains("Tokayev", "Toqaev", "Tokaev", "Токаев");
    assertThat(GAZETTEER.actors().get("org.csto").aliases()).contains("ОДКБ", "CSTO");
    assertThat(GAZETTEER.actors().get("org.sco").aliases()).contains("ШОС");
    assertThat(GAZETTEER.actors().get("KAZ").adjectival()).contains("Kazakh");
    assertThat(GAZETTEER.actors().get("GEO").ambiguous()).contains("Georgia");
    assertThat(GAZETTEER.actors().get("person.tokayev").roles()).isNotEmpty()
        .allSatisfy(r -> assertThat(r.from()).isNotNull());
  }

  @Test
  void schemaDescribesTheTypesTheLoaderAccepts() throws Exception {
    try (InputStream in = getClass().getClassLoader().getResourceAsStream("gazetteer/gazetteer.schema.json")) {
      JsonNode schema = JsonMapper.builder().build().readTree(in);
      Set<String> schemaTypes = new HashSet<>();
      schema.at("/$defs/actor/properties/type/enum").forEach(n -> schemaTypes.add(n.asText()));
      assertThat(schemaTypes).isEqualTo(Gazetteer.TYPES);
    }
  }

  @Test
  void refusesOnePhraseForTwoActorsNamingBoth() {
    assertThatThrownBy(() -> Gazetteer.load("tagging/bad-gazetteer/index.json"))
        .isInstanceOf(GazetteerException.class)
        .hasMessageContaining("org.kazakh-club")
        .hasMessageContaining("also names KAZ");
  }

  @Test
  void refusesAStateWithoutCameoCode() {
    assertThatThrownBy(() -> Gazetteer.load("tagging/bad-gazetteer/no-cameo-index.json"))
        .isInstanceOf(GazetteerException.class)
        .satisfies(e -> assertThat(((GazetteerException) e).entryId()).isEqualTo("KGZ"))
        .hasMessageContaining("CAMEO");
  }
}
