package io.newsflow.enrich.theme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TaxonomyTest {

  @Test
  void loadsAVersionedTaxonomyOfAtLeastThirtyThemes() {
    Taxonomy taxonomy = Taxonomy.loadDefault();

    assertThat(taxonomy.version()).isNotBlank();
    assertThat(taxonomy.themes()).hasSizeGreaterThanOrEqualTo(30);
    assertThat(taxonomy.themes()).extracting(Theme::id).contains("military-exercises", "defence-procurement",
        "defence-industry", "alliances-treaties", "peacekeeping", "border-security", "unrest-protest", "terrorism",
        "separatism", "sanctions", "energy-pipelines", "trade", "investment-infrastructure", "elections",
        "domestic-politics", "diplomacy-summits", "migration", "humanitarian", "nuclear", "cyber",
        "soft-power-language");
    assertThat(taxonomy.themes()).allSatisfy(t -> assertThat(taxonomy.thresholdOf(t)).isPositive());
  }

  @Test
  void refusesAPhraseWithoutAPositiveWeight() {
    Taxonomy bad = new Taxonomy("t-1", 2.0,
        List.of(new Theme("trade", "Trade", null, Map.of("tariffs", 0.0), Map.of())));

    assertThatThrownBy(bad::validate).isInstanceOf(TaxonomyException.class)
        .satisfies(e -> assertThat(((TaxonomyException) e).themeId()).isEqualTo("trade"));
  }
}
